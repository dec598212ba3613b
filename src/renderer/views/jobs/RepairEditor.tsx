// A jobs.json entry that does not validate, opened in the job editor: every value as stored, the wrong field marked
// from the start and the problem named above the form; saving stores the corrected job in the entry's place.
import { useMemo, type ComponentProps } from 'react';
import type { BrokenJobView } from '../../../shared/rpc.js';
import { useRenderText } from '../../app/i18n-context.js';
import { jobFieldOf, jobFormFromEntry } from '../../models/job-form-model.js';
import { JobEditor } from './JobEditor.js';

type EditorProps = ComponentProps<typeof JobEditor>;

export function RepairEditor({
  broken,
  ...rest
}: { broken: BrokenJobView } & Pick<EditorProps, 'profiles' | 'onSaved' | 'onClose' | 'onRemoved'>) {
  // The page's own language table (only that language is loaded), not every language's.
  const renderText = useRenderText();
  const initial = useMemo(() => jobFormFromEntry(broken.entry ?? {}), [broken.entry]);
  return (
    <JobEditor
      {...rest}
      initial={initial}
      isNew={false}
      broken={{
        field: jobFieldOf(initial, broken.field),
        problem: typeof broken.problem === 'string' ? broken.problem : renderText(broken.problem),
      }}
    />
  );
}
