import { describe, expect, it } from 'vitest';
import type { Application } from '@/api/leasing';
import {
  applicationActions,
  applicationBody,
  checkForm,
  emptyForm,
  fieldOfErrorCode,
  formFromApplication,
  lastDayOf,
} from './application-form';

function filled() {
  const form = emptyForm();
  form.intendedUse = '  食品加工生产线 ';
  form.headcount = '40';
  form.powerKva = '';
  form.floorLoadKnM2 = '7.5';
  form.needs.water = true;
  form.termMonths = '36';
  form.desiredMoveIn = '2030-03-01';
  return form;
}

describe('application form', () => {
  it('builds the body: trimmed use, numbers, all needs, no empty numbers, the quote when given', () => {
    expect(applicationBody(filled(), 'u1', 'q1')).toEqual({
      unitId: 'u1',
      quoteId: 'q1',
      intendedUse: '食品加工生产线',
      headcount: 40,
      floorLoadKnM2: 7.5,
      termMonths: 36,
      desiredMoveIn: '2030-03-01',
      needs: { water: true, sewage: false, gas: false, heating: false, fibre: false },
    });
    expect(applicationBody(filled(), 'u1', null)).not.toHaveProperty('quoteId');
  });

  it('checks what it can before sending', () => {
    expect(checkForm(filled(), '2030-01-15')).toEqual({});
    const form = filled();
    form.intendedUse = ' ';
    form.headcount = '2.5';
    form.powerKva = '-1';
    form.termMonths = '';
    form.desiredMoveIn = '2030-01-14';
    expect(checkForm(form, '2030-01-15')).toEqual({
      intendedUse: 'required',
      headcount: 'wholeNumber',
      powerKva: 'positive',
      termMonths: 'wholeNumber',
      desiredMoveIn: 'pastDate',
    });
  });

  it('reads numbers handed over by number inputs as well as text', () => {
    const form = filled() as unknown as Record<string, unknown>;
    form.headcount = 40;
    form.termMonths = 36;
    form.powerKva = '';
    const typed = form as unknown as ReturnType<typeof filled>;
    expect(checkForm(typed, '2030-01-15')).toEqual({});
    expect(applicationBody(typed, 'u1', null)).toMatchObject({ headcount: 40, termMonths: 36 });
  });

  it('reads a saved draft back, numbers as text', () => {
    const form = formFromApplication({
      intendedUse: null,
      headcount: 12,
      powerKva: null,
      floorLoadKnM2: 5,
      needs: { gas: true },
      termMonths: 24,
      desiredMoveIn: '2030-02-01',
    } as unknown as Application);
    expect(form.intendedUse).toBe('');
    expect(form.headcount).toBe('12');
    expect(form.powerKva).toBe('');
    expect(form.needs).toEqual({
      water: false,
      sewage: false,
      gas: true,
      heating: false,
      fibre: false,
    });
    expect(form.termMonths).toBe('24');
  });

  it('puts field-specific API codes under their field', () => {
    expect(fieldOfErrorCode('MOVE_IN_DATE_IN_PAST')).toBe('desiredMoveIn');
    expect(fieldOfErrorCode('QUOTE_MISMATCH')).toBeNull();
  });

  it('offers each side only the actions the machine allows now', () => {
    expect(applicationActions('draft', 'firm')).toEqual(['submit', 'withdraw']);
    expect(applicationActions('info_requested', 'firm')).toEqual(['answer', 'withdraw']);
    expect(applicationActions('approved', 'firm')).toEqual([]);
    expect(applicationActions('submitted', 'staff')).toEqual(['start_review', 'reject']);
    expect(applicationActions('under_review', 'staff')).toEqual([
      'request_info',
      'approve',
      'reject',
    ]);
  });
});

describe('lastDayOf', () => {
  it('gives the day before an exclusive end, across months and leap days', () => {
    expect(lastDayOf('2030-01-01')).toBe('2029-12-31');
    expect(lastDayOf('2028-03-01')).toBe('2028-02-29');
    expect(lastDayOf('2027-03-01')).toBe('2027-02-28');
  });
});
