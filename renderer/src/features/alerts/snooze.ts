/** The snooze lengths offered everywhere (incident, all, tray menu): 15 min, 1 h, 4 h. */
export const SNOOZE_CHOICES: ReadonlyArray<{ readonly minutes: number; readonly label: string }> = [
  { minutes: 15, label: '15 min' },
  { minutes: 60, label: '1 h' },
  { minutes: 240, label: '4 h' },
];
