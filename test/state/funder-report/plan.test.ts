import { describe, expect, it } from 'vitest';
import {
  enAinnaPlass,
  hjerteromAlta,
  montenegroHammerfest,
  stegForSteg,
} from '../../../src/domain/presets/index.ts';
import {
  FIRST_TIME_OPTIONS,
  funderReportPlan,
  plannedProgramme,
} from '../../../src/state/funder-report/index.ts';
import type { SiteConfig } from '../../../src/shared/site-config.ts';

describe('what the funder report shows for a site', () => {
  it('shows the first-time question (schema 2: its own counter) with its answers', () => {
    expect(funderReportPlan(hjerteromAlta)).toEqual({
      questions: [{ counter: 'forste-gang', options: FIRST_TIME_OPTIONS }],
      meals: ['middag', 'brodmat'],
      services: ['samtale-enerom', 'telefonsamtale', 'hjemmebesok', 'folgetjeneste'],
      sales: ['bingo'],
      userVoice: false,
    });
  });

  it("shows a site's own question on its own counter, answers counted elsewhere left out", () => {
    const plan = funderReportPlan(enAinnaPlass);
    expect(plan.questions).toEqual([
      {
        counter: 'aktivitet-i-dag',
        options: [
          ...enAinnaPlass
            .questions!.own!.options.filter((option) => option.countsAs === undefined)
            .map((option) => option.id),
          'no-answer',
        ],
      },
    ]);
    expect(plan.services).toEqual(['stottesamtale']);
  });

  it('lists the questions in the order asked: the own question first, then the ready-made', () => {
    const plan = funderReportPlan({
      ...stegForSteg,
      questions: { ...stegForSteg.questions!, ready: ['kjonn', 'forste-gang'] },
    });
    expect(plan.questions).toEqual([
      { counter: 'jeg-er', options: ['deltaker', 'no-answer'] },
      { counter: 'kjonn', options: ['kvinne', 'mann', 'annet', 'no-answer'] },
      { counter: 'forste-gang', options: FIRST_TIME_OPTIONS },
    ]);
  });

  it('shows user voice where the site asks it', () => {
    expect(funderReportPlan({ ...hjerteromAlta, userVoice: 'button' }).userVoice).toBe(true);
    expect(funderReportPlan({ ...hjerteromAlta, userVoice: 'off' }).userVoice).toBe(false);
  });

  it('keeps volunteers and user voice out of the services, and notices user voice', () => {
    const config: SiteConfig = {
      ...montenegroHammerfest,
      counters: [
        ...montenegroHammerfest.counters,
        { id: 'frivillige', kind: 'activity', name: { nb: 'Frivillige' }, byHour: false },
        { id: 'brukerstemme', kind: 'activity', name: { nb: 'Stemme' }, byHour: false },
      ],
    };
    const plan = funderReportPlan(config);
    expect(plan.services).not.toContain('frivillige');
    expect(plan.services).not.toContain('brukerstemme');
    expect(plan.userVoice).toBe(true);
    expect(plan.questions).toEqual([]);
  });
});

describe('programme planned on opening days', () => {
  it('counts each item on the opening days of the period only (Easter week 2025 at Hjerterom Alta)', () => {
    // 14–20 April 2025: Monday–Wednesday open; Skjærtorsdag, Langfredag and the weekend closed.
    const planned = plannedProgramme(hjerteromAlta, '2025-04-14', '2025-04-20');
    expect(planned.map(({ item, days }) => [item.id, days])).toEqual([
      ['ord-for-dagen', 3],
      ['middag', 2],
      ['brodmat', 1],
    ]);
  });
});
