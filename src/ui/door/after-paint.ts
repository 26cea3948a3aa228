/**
 * What the door shows after a tap, loaded after the first paint as one chunk: the questions
 * and the user voice. Entered through `useAfterPaint` (use-after-paint.ts).
 */
export { DoorQuestions } from './DoorQuestions.tsx';
export { UserVoice, UserVoiceButton } from './UserVoice.tsx';
