// What each doctor step is called: engine texts `doctor.step.<id>` (shared/locales/<lang>/engine.json), rendered
// by the host. The step ids are the keys that exist there.
import type { TextRef } from '../../shared/errors.js';
import { text, type EngineTextKey } from '../../shared/i18n/engine-texts.js';

export type StepId = EngineTextKey extends infer K ? (K extends `doctor.step.${infer Id}` ? Id : never) : never;

export function stepTitle(id: StepId): TextRef {
  return text(`doctor.step.${id}`);
}
