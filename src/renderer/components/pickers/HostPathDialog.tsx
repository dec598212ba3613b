// Browse the host's folders (the machine that runs Calpump and writes the files — in a browser that may not be
// this computer) and pick a folder, or a file with one of the given extensions.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FsEntry } from '../../../shared/rpc.js';
import { useClient } from '../../app/client-context.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useOperation } from '../../app/use-operation.js';
import { formatBytes } from '../../models/format.js';
import { ErrorPanel } from '../ErrorPanel.js';
import { VirtualListbox } from '../VirtualListbox.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, 96vw)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  path: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  list: { height: '300px', flexGrow: 0 },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function HostPathDialog({
  open,
  mode,
  start,
  extensions,
  onClose,
  onPick,
  testId = 'path-dialog',
}: {
  open: boolean;
  mode: 'folder' | 'file';
  /** Where to start (the current value, or its folder). */
  start?: string;
  extensions?: string[];
  onClose: () => void;
  onPick: (path: string) => void;
  testId?: string;
}) {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const client = useClient();
  const [picked, setPicked] = useState<FsEntry | undefined>();
  const list = useOperation((_signal, path?: string) =>
    client['fs.list']({ ...(path ? { path } : {}), ...(mode === 'file' ? { extensions: extensions ?? [] } : {}) }),
  );
  const { run } = list;
  useEffect(() => {
    if (!open) return;
    setPicked(undefined);
    // Start at the given path; if it does not exist (a folder not made yet), at the home folder.
    void run(start || undefined).then((r) => (r || !start ? r : run()));
  }, [open, start, run]);
  const here = list.result;
  const go = (path?: string) => {
    setPicked(undefined);
    void run(path);
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface} data-testid={testId}>
        <DialogBody>
          <DialogTitle>{t(mode === 'folder' ? 'picker.path.titleFolder' : 'picker.path.titleFile')}</DialogTitle>
          <DialogContent className={s.content}>
            <Text size={200}>{t('picker.path.host')}</Text>
            <div className={s.bar}>
              <Button size="small" disabled={!here?.parent} onClick={() => go(here?.parent)} data-testid={`${testId}-up`}>
                {t('picker.path.up')}
              </Button>
              {here ? (
                <Select size="small" aria-label={t('picker.path.roots')} value="" onChange={(_, d) => d.value && go(d.value)}>
                  <option value="">{t('picker.path.roots')}</option>
                  {here.roots.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </Select>
              ) : null}
            </div>
            {here ? (
              <Text className={s.path} data-testid={`${testId}-current`}>
                {here.path}
              </Text>
            ) : null}
            {list.error ? <ErrorPanel error={list.error} testId={`${testId}-error`} /> : null}
            {here ? (
              <VirtualListbox
                items={here.entries}
                keyOf={(e) => e.path}
                isSelected={(e) => picked?.path === e.path}
                onPick={(e) => (e.kind === 'dir' ? go(e.path) : setPicked(e))}
                label={here.path}
                rowHeight={34}
                className={s.list}
                testId={`${testId}-list`}
                rowTestId={`${testId}-entry`}
                rowData={(e) => ({ 'data-name': e.name, 'data-kind': e.kind })}
                renderRow={(e) => (
                  <>
                    <span aria-hidden>{e.kind === 'dir' ? '📁' : '📄'}</span>
                    <Text className={s.name}>{e.name}</Text>
                    {e.size !== undefined ? <Text size={200}>{formatBytes(e.size, lang)}</Text> : null}
                  </>
                )}
              />
            ) : null}
            {here && here.entries.length === 0 ? <Text>{t('picker.path.empty')}</Text> : null}
          </DialogContent>
          <DialogActions>
            {mode === 'folder' ? (
              <Button appearance="primary" disabled={!here} onClick={() => here && onPick(here.path)} data-testid={`${testId}-choose`}>
                {t('picker.path.chooseFolder')}
              </Button>
            ) : (
              <Button
                appearance="primary"
                disabled={!picked}
                onClick={() => picked && onPick(picked.path)}
                data-testid={`${testId}-choose`}
              >
                {t('picker.path.chooseFile')}
              </Button>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
