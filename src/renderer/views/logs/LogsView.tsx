// Live log tail: the recent lines from the host, then every new line as it is logged. Filter by level and
// text; export saves the host's redacted log file (or, failing that, the lines shown).
import { Badge, Button, Field, Input, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorInfoOf } from '../../../shared/rpc.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import { useClient } from '../../app/client-context.js';
import { VIEW_HEIGHT } from '../../app/layout.js';
import { useLang, useT } from '../../app/i18n-context.js';
import { useEvent } from '../../app/use-event.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { saveTextFile } from '../../components/save-file.js';
import { formatClock, formatDateTime, zoneName } from '../../models/format.js';
import { LOG_FILTER_LEVELS, LogViewModel, formatFields, type LogFilterLevel } from '../../models/log-view-model.js';

const ROW = 24;
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, height: VIEW_HEIGHT, minHeight: '420px' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  scroller: {
    flexGrow: 1,
    minHeight: '300px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  line: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalS,
    whiteSpace: 'nowrap',
  },
  time: { color: tokens.colorNeutralForeground3 },
  event: { fontWeight: tokens.fontWeightSemibold },
  fields: { overflow: 'hidden', textOverflow: 'ellipsis', color: tokens.colorNeutralForeground2 },
});
const LEVEL_COLOR = { error: 'danger', warn: 'warning', info: 'informative', debug: 'subtle', trace: 'subtle' } as const;

export function LogsView() {
  const t = useT();
  const lang = useLang();
  const s = useStyles();
  const client = useClient();
  const model = useMemo(() => new LogViewModel(5000), []);
  const [version, setVersion] = useState(0);
  const [level, setLevel] = useState<LogFilterLevel>('info');
  const [search, setSearch] = useState('');
  const [follow, setFollow] = useState(true);
  const [error, setError] = useState<ErrorInfo | undefined>();

  useEffect(() => {
    client['logs.tail']({ lines: 1000 }).then(
      (r) => {
        model.append(r.lines);
        setVersion((v) => v + 1);
      },
      (e) => setError(errorInfoOf(e)),
    );
  }, [client, model]);
  useEvent('log.line', (line) => {
    model.append([line]);
    setVersion((v) => v + 1);
  });

  const lines = useMemo(() => {
    model.setLevel(level);
    model.setSearch(search);
    return model.visible();
    // `version`: new lines arrived in the model.
  }, [model, level, search, version]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  useEffect(() => {
    if (follow && lines.length) virtual.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [follow, lines.length, virtual]);

  const exportLog = async () => {
    try {
      const r = await client['logs.export']();
      saveTextFile(r.fileName, r.content);
    } catch (e) {
      setError(errorInfoOf(e));
      saveTextFile('calpump-log-view.jsonl', model.exportText());
    }
  };

  return (
    <div className={s.root}>
      <div className={s.bar}>
        <Field label={t('logs.level')}>
          <Select value={level} onChange={(_, d) => setLevel(d.value as LogFilterLevel)} data-testid="logs-level">
            {LOG_FILTER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`logLevel.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('logs.search')}>
          <Input type="search" value={search} onChange={(_, d) => setSearch(d.value)} data-testid="logs-search" />
        </Field>
        <Switch checked={follow} onChange={(_, d) => setFollow(d.checked)} label={t('logs.follow')} data-testid="logs-follow" />
        <Button onClick={() => void exportLog()} data-testid="logs-export">
          {t('logs.export')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            model.clear();
            setVersion((v) => v + 1);
          }}
        >
          {t('logs.clear')}
        </Button>
        <Text size={200} data-testid="logs-count">
          {t('logs.count', { shown: lines.length, total: model.size })}
        </Text>
        <Text size={200} data-testid="logs-zone">
          {t('logs.zone', { zone: zoneName(lang) })}
        </Text>
      </div>
      {error ? <ErrorPanel error={error} testId="logs-error" /> : null}
      <div ref={scroller} className={s.scroller} data-testid="logs-lines">
        {lines.length === 0 ? (
          <Text className={s.line} style={{ top: 0 }}>
            {model.size ? t('logs.noMatch') : t('logs.empty')}
          </Text>
        ) : null}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const { key, line } = lines[row.index];
            return (
              <div key={key} className={s.line} style={{ top: row.start, height: ROW }} data-testid="log-line" data-level={line.level}>
                <span className={s.time} title={formatDateTime(line.time, lang)}>
                  {formatClock(line.time, lang)}
                </span>
                <Badge size="small" appearance="tint" color={LEVEL_COLOR[line.level]}>
                  {t(`logs.level.${line.level}`)}
                </Badge>
                <span className={s.event}>{line.event}</span>
                <span className={s.fields} title={formatFields(line.fields)}>
                  {formatFields(line.fields)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
