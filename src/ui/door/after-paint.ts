/**
 * What the door shows beside Sjekk inn, loaded after the first paint as one chunk: the
 * questions, the user voice, Sjekk ut where a place counts who is here, and today's cards
 * (opening hours and programme, Ord for dagen), the closed notice and the calendar date,
 * with their texts and styles, the day's status they are drawn from (the schedule), and the
 * door's way back from a configuration that breaks it. Entered through `useAfterPaint`
 * (use-after-paint.ts).
 */
import './after-paint.css';

export { doorStatus } from '../../domain/schedule.ts';

export { CheckOutPanel } from './CheckOutPanel.tsx';
export { CalendarDate, ClosedNotice } from './ClosedNotice.tsx';
export { TodayCard } from './TodayCard.tsx';
export { WordCard } from './WordCard.tsx';
export { DoorQuestions } from './DoorQuestions.tsx';
export { UserVoice, UserVoiceButton } from './UserVoice.tsx';
export { fallBack } from './DoorFallback.tsx';
