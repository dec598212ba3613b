// An item encoder turns one mailbox-folder's contacts or tasks into text piece by piece (header, one chunk per
// item, footer), like the calendar encoders, so the folder target streams it to a temp file.
import type { NormalisedItem } from '../../../shared/item-model.js';

export interface ItemEncoder {
  readonly extension: string;
  readonly mediaType: string;
  begin(): string;
  item(i: NormalisedItem): string;
  end(): string;
}
