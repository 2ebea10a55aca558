/**
 * The three leasing machines checked against hand-written tables (copied from issue #6, not
 * derived from the machines): every (state, event, actor) combination is tried.
 */
import { APPLICATION_EVENTS, APPLICATION_MACHINE, APPLICATION_STATUSES } from './application';
import { LEASE_EVENTS, LEASE_MACHINE, LEASE_STATUSES } from './lease';
import {
  LEASING_ACTORS,
  TransitionError,
  allowedEvents,
  canTransition,
  machineProblems,
  nextState,
  transitionTable,
} from './machine';
import type { LeasingActor, StateMachine } from './machine';
import { VIEWING_EVENTS, VIEWING_MACHINE, VIEWING_STATUSES } from './viewing';

type Row<S extends string, E extends string> = [from: S, event: E, to: S, by: LeasingActor[]];

interface Case<S extends string, E extends string> {
  machine: StateMachine<S, E>;
  states: readonly S[];
  events: readonly E[];
  initial: S;
  terminal: S[];
  /** Every allowed (from, event) pair, in states then events order. */
  table: Row<S, E>[];
}

const viewing: Case<(typeof VIEWING_STATUSES)[number], (typeof VIEWING_EVENTS)[number]> = {
  machine: VIEWING_MACHINE,
  states: VIEWING_STATUSES,
  events: VIEWING_EVENTS,
  initial: 'booked',
  terminal: ['cancelled', 'completed', 'no_show'],
  table: [
    ['booked', 'reschedule', 'booked', ['firm', 'staff']],
    ['booked', 'cancel', 'cancelled', ['firm', 'staff']],
    ['booked', 'complete', 'completed', ['staff']],
    ['booked', 'mark_no_show', 'no_show', ['staff']],
  ],
};

const application: Case<
  (typeof APPLICATION_STATUSES)[number],
  (typeof APPLICATION_EVENTS)[number]
> = {
  machine: APPLICATION_MACHINE,
  states: APPLICATION_STATUSES,
  events: APPLICATION_EVENTS,
  initial: 'draft',
  terminal: ['approved', 'rejected', 'withdrawn'],
  table: [
    ['draft', 'submit', 'submitted', ['firm']],
    ['draft', 'withdraw', 'withdrawn', ['firm']],
    ['submitted', 'start_review', 'under_review', ['staff']],
    ['submitted', 'reject', 'rejected', ['staff']],
    ['submitted', 'withdraw', 'withdrawn', ['firm']],
    ['submitted', 'put_on_hold', 'waiting', ['system']],
    ['under_review', 'request_info', 'info_requested', ['staff']],
    ['under_review', 'approve', 'approved', ['staff']],
    ['under_review', 'reject', 'rejected', ['staff']],
    ['under_review', 'withdraw', 'withdrawn', ['firm']],
    ['under_review', 'put_on_hold', 'waiting', ['system']],
    ['info_requested', 'answer', 'under_review', ['firm']],
    ['info_requested', 'reject', 'rejected', ['staff']],
    ['info_requested', 'withdraw', 'withdrawn', ['firm']],
    ['info_requested', 'put_on_hold', 'waiting', ['system']],
    ['waiting', 'reject', 'rejected', ['staff']],
    ['waiting', 'withdraw', 'withdrawn', ['firm']],
    ['waiting', 'reopen', 'under_review', ['staff', 'system']],
  ],
};

const lease: Case<(typeof LEASE_STATUSES)[number], (typeof LEASE_EVENTS)[number]> = {
  machine: LEASE_MACHINE,
  states: LEASE_STATUSES,
  events: LEASE_EVENTS,
  initial: 'draft',
  terminal: ['expired', 'terminated', 'cancelled'],
  table: [
    ['draft', 'sign', 'signed', ['staff']],
    ['draft', 'cancel', 'cancelled', ['staff']],
    ['signed', 'move_in', 'active', ['staff']],
    ['signed', 'cancel', 'cancelled', ['staff']],
    ['active', 'expire', 'expired', ['staff', 'system']],
    ['active', 'terminate', 'terminated', ['staff']],
  ],
};

/** The error `fn` throws, which must be a TransitionError. */
function refusal(fn: () => unknown): TransitionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TransitionError);
    return error as TransitionError;
  }
  throw new Error('expected a TransitionError');
}

describe.each([
  ['viewing', viewing],
  ['application', application],
  ['lease', lease],
] as [string, Case<string, string>][])('%s machine', (_name, c) => {
  const { machine, table } = c;
  const allowed = (from: string, event: string) =>
    table.find(([f, e]) => f === from && e === event);
  const pairs = c.states.flatMap((from) => c.events.map((event) => [from, event] as const));

  it('has the contract states, events, initial and terminal states, and no problems', () => {
    expect(machine.states).toEqual(c.states);
    expect(machine.events).toEqual(c.events);
    expect(machine.initial).toBe(c.initial);
    expect([...machine.terminal].sort()).toEqual([...c.terminal].sort());
    expect(machineProblems(machine)).toEqual([]);
  });

  it('lists exactly the hand-written transitions', () => {
    expect(transitionTable(machine)).toEqual(
      table.map(([from, event, to, by]) => ({ from, event, to, by })),
    );
  });

  it.each(pairs.filter(([from, event]) => allowed(from, event)))(
    'allows %s → %s for its actors only',
    (from, event) => {
      const [, , to, by] = allowed(from, event)!;
      for (const actor of LEASING_ACTORS) {
        expect(canTransition(machine, from, event, actor)).toBe(by.includes(actor));
        if (by.includes(actor)) {
          expect(nextState(machine, from, event, actor)).toBe(to);
        } else {
          const error = refusal(() => nextState(machine, from, event, actor));
          expect(error.code).toBe('TRANSITION_NOT_PERMITTED');
          expect(error.allowedBy).toEqual(by);
          expect(error.zh).toContain(`「${machine.eventLabels[event]!['zh-CN']}」只能由`);
          expect(error.en).toMatch(/^Only /);
        }
      }
      expect(canTransition(machine, from, event)).toBe(true);
    },
  );

  it.each(pairs.filter(([from, event]) => !allowed(from, event)))(
    'refuses %s → %s for every actor, naming the states that allow it',
    (from, event) => {
      const allowedFrom = table.filter(([, e]) => e === event).map(([f]) => f);
      expect(canTransition(machine, from, event)).toBe(false);
      for (const actor of LEASING_ACTORS) {
        expect(canTransition(machine, from, event, actor)).toBe(false);
        const error = refusal(() => nextState(machine, from, event, actor));
        expect(error.code).toBe('INVALID_TRANSITION');
        expect(error.machine).toBe(machine.name);
        expect([error.from, error.event, error.by]).toEqual([from, event, actor]);
        expect(error.allowedFrom).toEqual(allowedFrom);
        const named = allowedFrom.map((s) => `「${machine.stateLabels[s]!['zh-CN']}」`).join('');
        expect(error.zh).toContain(`只有${named}状态的`);
        expect(error.zh).toContain(`(当前为「${machine.stateLabels[from]!['zh-CN']}」)`);
        for (const s of allowedFrom)
          expect(error.en).toContain(machine.wording.states[s]!.enBefore);
        expect(error.en).toContain(`(this one is ${machine.wording.states[from]!.enIs})`);
        expect(error.message).toBe(error.en);
      }
    },
  );

  it('allows nothing from a terminal state, and something from every other state', () => {
    for (const state of c.states) {
      expect(allowedEvents(machine, state).length === 0).toBe(c.terminal.includes(state));
    }
  });

  it('labels every state and event in both languages, with distinct names', () => {
    for (const labels of [machine.stateLabels, machine.eventLabels]) {
      const values = Object.values(labels);
      for (const label of values) {
        expect(label['zh-CN'].trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
      expect(new Set(values.map((l) => l['zh-CN'])).size).toBe(values.length);
      expect(new Set(values.map((l) => l.en)).size).toBe(values.length);
    }
    expect(Object.keys(machine.stateLabels).sort()).toEqual([...c.states].sort());
    expect(Object.keys(machine.eventLabels).sort()).toEqual([...c.events].sort());
  });
});

describe('allowedEvents', () => {
  it('lists events in the machine order, filtered by actor', () => {
    const m = APPLICATION_MACHINE;
    expect(allowedEvents(m, 'under_review')).toEqual([
      'request_info',
      'approve',
      'reject',
      'withdraw',
      'put_on_hold',
    ]);
    expect(allowedEvents(m, 'under_review', 'staff')).toEqual([
      'request_info',
      'approve',
      'reject',
    ]);
    expect(allowedEvents(m, 'under_review', 'firm')).toEqual(['withdraw']);
    expect(allowedEvents(m, 'under_review', 'system')).toEqual(['put_on_hold']);
    expect(allowedEvents(m, 'waiting', 'staff')).toEqual(['reject', 'reopen']);
    expect(allowedEvents(m, 'draft')).toEqual(['submit', 'withdraw']);
    expect(allowedEvents(VIEWING_MACHINE, 'booked', 'firm')).toEqual(['reschedule', 'cancel']);
    expect(allowedEvents(LEASE_MACHINE, 'signed')).toEqual(['move_in', 'cancel']);
    expect(allowedEvents(LEASE_MACHINE, 'active', 'system')).toEqual(['expire']);
  });
});

describe('refusal messages', () => {
  it.each<[() => unknown, string, string]>([
    [
      () => nextState(APPLICATION_MACHINE, 'approved', 'withdraw', 'firm'),
      '只有「草稿」「已提交」「审核中」「待补充材料」「候补中」状态的申请可以撤回(当前为「已批准」)',
      'Only a draft, submitted, under review, information requested or waiting application can be withdrawn (this one is approved)',
    ],
    [
      () => nextState(APPLICATION_MACHINE, 'draft', 'approve', 'staff'),
      '只有「审核中」状态的申请可以批准(当前为「草稿」)',
      'Only an under review application can be approved (this one is a draft)',
    ],
    [
      () => nextState(APPLICATION_MACHINE, 'submitted', 'start_review', 'firm'),
      '「开始审核」只能由平台工作人员操作',
      'Only platform staff can start reviewing an application',
    ],
    [
      () => nextState(APPLICATION_MACHINE, 'waiting', 'reopen', 'firm'),
      '「恢复审核」只能由平台工作人员或系统操作',
      'Only platform staff or the system can reopen an application',
    ],
    [
      () => nextState(APPLICATION_MACHINE, 'under_review', 'put_on_hold', 'staff'),
      '「转为候补」只能由系统操作',
      'Only the system can put an application on hold',
    ],
    [
      () => nextState(VIEWING_MACHINE, 'completed', 'cancel', 'firm'),
      '只有「已预约」状态的看厂预约可以取消(当前为「已看厂」)',
      'Only a booked viewing can be cancelled (this one is completed)',
    ],
    [
      () => nextState(VIEWING_MACHINE, 'booked', 'mark_no_show', 'firm'),
      '「标记未到场」只能由平台工作人员操作',
      'Only platform staff can mark a viewing as a no-show',
    ],
    [
      () => nextState(LEASE_MACHINE, 'active', 'cancel', 'staff'),
      '只有「租约草稿」「已签约」状态的租约可以作废(当前为「履行中」)',
      'Only a draft or signed lease can be cancelled (this one is active)',
    ],
    [
      () => nextState(LEASE_MACHINE, 'signed', 'expire', 'system'),
      '只有「履行中」状态的租约可以到期结束(当前为「已签约」)',
      'Only an active lease can be ended at expiry (this one is signed)',
    ],
    [
      () => nextState(LEASE_MACHINE, 'draft', 'move_in', 'staff'),
      '只有「已签约」状态的租约可以确认入驻(当前为「租约草稿」)',
      'Only a signed lease can be marked as moved in (this one is a draft)',
    ],
  ])('%#', (fn, zh, en) => {
    const error = refusal(fn);
    expect(error.zh).toBe(zh);
    expect(error.en).toBe(en);
  });

  it('checks the state before the actor and carries plain details for an API body', () => {
    const error = refusal(() => nextState(APPLICATION_MACHINE, 'approved', 'approve', 'firm'));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TransitionError');
    expect(error.details).toEqual({
      machine: 'application',
      event: 'approve',
      from: 'approved',
      by: 'firm',
      allowedFrom: ['under_review'],
      allowedBy: ['staff'],
    });
  });

  it('rejects an event the machine does not know as a programming error', () => {
    expect(() => nextState(LEASE_MACHINE, 'draft', 'submit' as 'sign', 'staff')).toThrow(
      RangeError,
    );
    expect(canTransition(LEASE_MACHINE, 'draft', 'submit' as 'sign')).toBe(false);
  });
});
