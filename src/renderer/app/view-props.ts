// What the shell hands every screen: its own profile choice (each screen keeps one, shown on screen), how to go
// elsewhere, and the item the route names (#/jobs/<id> opens that job).
import type { ViewId } from './views.js';

export interface ViewProps {
  profileId?: string;
  onProfile: (id: string | undefined) => void;
  onNavigate: (v: ViewId, item?: string) => void;
  item?: string;
}
