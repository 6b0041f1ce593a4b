/** Appended to every confirmation of an action that recorded an activity. */
export const UNDO_HINT = '(undo: tactful undo)';
