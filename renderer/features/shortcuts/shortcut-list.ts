/** Every keyboard shortcut, as shown in the Keyboard shortcuts dialog. `Mod` is Ctrl, or ⌘ on macOS. */
export interface ShortcutGroup {
  title: string;
  items: ReadonlyArray<{ keys: readonly string[]; action: string }>;
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Panels',
    items: [
      { keys: ['N'], action: 'New panel after the current one' },
      { keys: ['D'], action: 'Duplicate the selected panels' },
      { keys: ['Delete'], action: 'Delete the selected panels (undo brings them back with their takes)' },
      { keys: ['Alt', '←'], action: 'Move the selected panels earlier' },
      { keys: ['Alt', '→'], action: 'Move the selected panels later' },
      { keys: ['Mod', 'A'], action: 'Select every panel' },
    ],
  },
  {
    title: 'Moving around',
    items: [
      { keys: ['→'], action: 'Next panel (also J)' },
      { keys: ['←'], action: 'Previous panel (also K)' },
      { keys: ['↓'], action: 'Panel below' },
      { keys: ['↑'], action: 'Panel above' },
      { keys: ['Home'], action: 'First panel' },
      { keys: ['End'], action: 'Last panel' },
      { keys: ['Esc'], action: 'Leave the field you are typing in, back to the board' },
      { keys: ['Shift', 'Click'], action: 'Select a range of panels' },
      { keys: ['Mod', 'Click'], action: 'Add or remove a panel from the selection' },
    ],
  },
  {
    // The strip handles these keys itself while it has focus, so the board does not move under it.
    title: 'Takes (in the inspector, once a take has focus)',
    items: [
      { keys: ['→'], action: 'Next take' },
      { keys: ['←'], action: 'Previous take' },
      { keys: ['Home'], action: 'First take' },
      { keys: ['End'], action: 'Last take' },
      { keys: ['Enter'], action: 'Show the focused take on the board (also Space; undo brings the last one back)' },
    ],
  },
  {
    title: 'Generate and project',
    items: [
      { keys: ['G'], action: 'Generate the selected panels (shows the cost first)' },
      { keys: ['C'], action: 'Check consistency: does every panel still show the character? (free, on this computer)' },
      { keys: ['Mod', 'Z'], action: 'Undo' },
      { keys: ['Shift', 'Mod', 'Z'], action: 'Redo' },
      { keys: ['Mod', 'Y'], action: 'Redo' },
      { keys: ['Mod', 'S'], action: 'Save now' },
      { keys: ['Mod', 'E'], action: 'Export: contact sheet, PDF board, animatic, GIF, timeline or shot list' },
      { keys: ['?'], action: 'Show this list' },
    ],
  },
];
