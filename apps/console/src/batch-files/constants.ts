import type { StatusChipFieldProps } from '../common/fields';

export const BATCH_FILE_KINDS: StatusChipFieldProps['states'] = {
  POSTING: ['Posting file', 'info'],
  ERA_835: ['ERA (X12 835)', 'success'],
};

export const BATCH_FILE_KIND_CHOICES = Object.entries(BATCH_FILE_KINDS).map(([id, [name]]) => ({ id, name }));
