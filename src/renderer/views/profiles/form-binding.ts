// What a form section needs to render one field: the value, a setter, the error to show (only once the user
// left the field or tried to save) and whether a secret is already stored.
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { FieldErrors, FieldId, ProfileFormState, SecretField } from '../../models/profile-form-model.js';

export interface FormBinding {
  form: ProfileFormState;
  set: <K extends keyof ProfileFormState>(field: K, value: ProfileFormState[K]) => void;
  errorOf: (field: FieldId) => MessageKey | undefined;
  touch: (field: FieldId) => void;
  isStored: (secret: SecretField) => boolean;
}

export function visibleErrors(errors: FieldErrors, touched: ReadonlySet<FieldId>, submitted: boolean): FieldErrors {
  if (submitted) return errors;
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors) as Array<[FieldId, MessageKey]>) if (touched.has(k)) out[k] = v;
  return out;
}
