// What every step of the first-run assistant receives from AssistantView (its own module, so the step files and
// the view that lays them out need not import each other).
import type { ViewProps } from '../../app/view-props.js';
import type { AssistantState } from './assistant-model.js';

export interface StepProps {
  state: AssistantState;
  patch: (p: Partial<AssistantState>) => void;
  /** Moves on (after the step's own work, e.g. saving the profile). */
  next: () => void;
  onNavigate: ViewProps['onNavigate'];
}
