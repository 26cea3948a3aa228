import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../../../src/state/pins.ts';
import { mayOpen, type StaffScreen } from '../../../../src/state/staff-session.ts';
import { Help } from '../../../../src/ui/staff/help/Help.tsx';
import { StaffShell } from '../../../../src/ui/staff/StaffShell.tsx';
import { StoreContext } from '../../../../src/ui/store-context.ts';
import { testKiosk } from '../../../support/kiosk.ts';

const TASKS = [
  ['Sette opp nettbrettet', /Legg Terskel på Hjem-skjermen/],
  ['PIN-kodene og gjenopprettingskoden', /Trykk «Glemt PIN\?», skriv gjenopprettingskoden/],
  ['Avslutte dagen', /Trykk «Avslutt dagen»/],
  ['Eksport og sikkerhetskopi', /«Lag sikkerhetskopi» lager en fil/],
  ['Koble til serveren', /skriver du «Serverens adresse» og «Koblingskode»/],
  ['Når nettbrettet sier at noe er galt', /Åpne «Selvtest»/],
] as const;

function renderShell(role: StaffRole, shown: StaffScreen, onNavigate = vi.fn()) {
  render(
    <StoreContext.Provider value={testKiosk().store}>
      <StaffShell role={role} screen={shown} onNavigate={onNavigate} onLeave={() => {}} />
    </StoreContext.Provider>,
  );
  return onNavigate;
}

describe('the guide (Hjelp)', () => {
  it.each(['volunteer', 'lead'] as const)(
    "is in the %s's staff navigation as Hjelp and opens the guide",
    (role) => {
      const onNavigate = renderShell(role, 'tally');
      const nav = screen.getByRole('navigation', { name: 'Personalmeny' });
      fireEvent.click(within(nav).getByRole('button', { name: 'Hjelp' }));
      expect(onNavigate).toHaveBeenCalledWith('help');
      expect(mayOpen(role, 'help')).toBe(true);
    },
  );

  it.each(['volunteer', 'lead'] as const)('shows the %s the guide at #/staff/help', (role) => {
    renderShell(role, 'help');
    expect(screen.getByRole('heading', { level: 2, name: 'Hjelp' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Hjelp', current: 'page' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Sette opp nettbrettet' })).toBeVisible();
  });

  it('has one screen per task: each a section with its heading and its steps', () => {
    render(
      <StoreContext.Provider value={testKiosk().store}>
        <Help />
      </StoreContext.Provider>,
    );
    const tasks = screen.getByRole('navigation', { name: 'Oppgaver' });
    expect(
      within(tasks)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(TASKS.map(([title]) => title));
    for (const [title, step] of TASKS) {
      fireEvent.click(within(tasks).getByRole('button', { name: title }));
      const section = screen.getByRole('region', { name: title });
      expect(within(section).getByRole('heading', { level: 3, name: title })).toBeVisible();
      const steps = within(section).getAllByRole('listitem');
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.some((item) => step.test(item.textContent ?? ''))).toBe(true);
      // Only this task is on screen.
      const shown = TASKS.filter(([other]) => screen.queryByRole('region', { name: other }));
      expect(shown.map(([other]) => other)).toEqual([title]);
    }
  });

  it('prints the whole guide: the page is marked for its print stylesheet while it shows', () => {
    const print = vi.fn();
    document.documentElement.classList.remove('print-help');
    render(
      <StoreContext.Provider value={testKiosk().store}>
        <Help print={print} />
      </StoreContext.Provider>,
    );
    expect(document.documentElement.classList.contains('print-help')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut hjelpen' }));
    expect(print).toHaveBeenCalledTimes(1);
    // Every task is in the page for print, the hidden ones included.
    expect(document.querySelectorAll('.help-task')).toHaveLength(TASKS.length);
  });
});
