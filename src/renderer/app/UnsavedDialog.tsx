// The question the unsaved-changes guard asks, loaded the first time it is asked (the first screen never needs it).
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useT } from './i18n-context.js';

export default function UnsavedDialog({ answer }: { answer: (discard: boolean) => void }) {
  const t = useT();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && answer(false)} modalType="alert">
      <DialogSurface data-testid="unsaved-dialog">
        <DialogBody>
          <DialogTitle>{t('unsaved.title')}</DialogTitle>
          <DialogContent>{t('unsaved.message')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(false)} data-testid="unsaved-keep">
              {t('unsaved.keep')}
            </Button>
            <Button onClick={() => answer(true)} data-testid="unsaved-discard">
              {t('unsaved.discard')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
