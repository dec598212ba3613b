// Jobs whose entry in jobs.json does not validate: they never run (the others do), so Home names each one with
// the field that is wrong, the validator's detail, and how to repair it (open it in the job editor with that field
// marked, the file to correct, the command that removes the entry). They would otherwise only show up in the log.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BrokenJobView } from '../../../shared/rpc.js';
import { useRenderText, useT } from '../../app/i18n-context.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    minWidth: 0,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function BrokenJobs({ broken, onOpen }: { broken: BrokenJobView[]; onOpen: (ref: string) => void }) {
  const t = useT();
  const renderText = useRenderText();
  const s = useStyles();
  if (broken.length === 0) return null;
  return (
    <section className={s.root} aria-labelledby="home-broken-title" data-testid="home-broken" data-card>
      <Text as="h2" id="home-broken-title" weight="semibold" size={400}>
        {t('home.broken.title', { count: broken.length })}
      </Text>
      <Text>{t('home.broken.hint')}</Text>
      <ul className={s.list}>
        {broken.map((b) => (
          <li key={`${b.ref}\n${b.field}`} className={s.item} data-testid="home-broken-entry">
            <Text weight="semibold">{t('home.broken.entry', { name: b.name ?? b.ref, field: b.field })}</Text>
            <Text size={200}>
              {t('home.broken.detail', { problem: typeof b.problem === 'string' ? b.problem : renderText(b.problem) })}
            </Text>
            {b.entry ? (
              <Button size="small" appearance="primary" onClick={() => onOpen(b.ref)} data-testid="home-broken-open">
                {t('home.broken.open')}
              </Button>
            ) : null}
            <Text size={200}>
              {t('home.broken.fix', { file: b.file })} <code className={s.code}>{`calpump jobs remove ${quoted(b.ref)}`}</code>
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The entry's ref as a shell argument: quoted when it has spaces or brackets ("jobs[1]"). */
function quoted(ref: string): string {
  return /[\s[\]"]/.test(ref) ? `"${ref.replace(/"/g, '\\"')}"` : ref;
}
