// Shell measurements shared by the shell and the screens that size themselves from the viewport.
export const HEADER_HEIGHT = '48px';
export const MAIN_PADDING = '24px';
export const NAV_WIDTH = '200px';
/** Height left for a screen below the header, for screens that scroll inside (mailbox list, log tail). */
export const VIEW_HEIGHT = `calc(100vh - ${HEADER_HEIGHT} - 2 * ${MAIN_PADDING})`;
