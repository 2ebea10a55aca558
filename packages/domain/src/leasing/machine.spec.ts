/** The definition checks that `defineMachine` runs at module load, on a small toy machine. */
import { defineMachine, machineProblems } from './machine';
import type { StateMachine } from './machine';

type S = 'open' | 'paused' | 'closed';
type E = 'pause' | 'resume' | 'close';

const label = (text: string) => ({ 'zh-CN': text, en: text });
const state = (text: string) => ({ enBefore: text, enIs: text });
const event = (text: string) => ({ zhVerb: text, enPassive: text, enActive: text });

function toy(overrides: Partial<StateMachine<S, E>> = {}): StateMachine<S, E> {
  return {
    name: 'viewing',
    states: ['open', 'paused', 'closed'],
    events: ['pause', 'resume', 'close'],
    initial: 'open',
    terminal: ['closed'],
    transitions: [
      { event: 'pause', from: ['open'], to: 'paused', by: ['staff'] },
      { event: 'resume', from: ['paused'], to: 'open', by: ['staff'] },
      { event: 'close', from: ['open', 'paused'], to: 'closed', by: ['firm', 'staff'] },
    ],
    stateLabels: { open: label('open'), paused: label('paused'), closed: label('closed') },
    eventLabels: { pause: label('pause'), resume: label('resume'), close: label('close') },
    subjectLabel: label('toy'),
    wording: {
      states: { open: state('open'), paused: state('paused'), closed: state('closed') },
      events: { pause: event('pause'), resume: event('resume'), close: event('close') },
    },
    ...overrides,
  };
}

const base = toy();
const [pause, resume, close] = base.transitions as [
  StateMachine<S, E>['transitions'][number],
  StateMachine<S, E>['transitions'][number],
  StateMachine<S, E>['transitions'][number],
];

describe('machineProblems', () => {
  it('finds nothing wrong with a sound machine, which defineMachine returns as is', () => {
    expect(machineProblems(base)).toEqual([]);
    expect(defineMachine(base)).toBe(base);
  });

  it.each<[string, Partial<StateMachine<S, E>>, string[]]>([
    [
      'a transition to or from a foreign state',
      { transitions: [{ ...pause, from: ['open', 'gone' as S], to: 'limbo' as S }, resume, close] },
      [
        '"pause" from unknown "gone"',
        '"pause" leads to unknown "limbo"',
        'state "paused" is unreachable',
      ],
    ],
    [
      'a foreign event, and an event with no transition',
      { transitions: [pause, { ...resume, event: 'restart' as E }, close] },
      ['transition for unknown event "restart"', 'event "resume" has 0 transitions, expected 1'],
    ],
    [
      'two transitions for one event',
      { transitions: [pause, resume, close, { ...close, from: ['closed'], to: 'open' }] },
      ['event "close" has 2 transitions, expected 1', 'terminal state "closed" has events'],
    ],
    [
      'a non-terminal state with no way out',
      { transitions: [pause, { ...resume, from: ['closed'] }, { ...close, from: ['open'] }] },
      ['terminal state "closed" has events', 'state "paused" is a dead end'],
    ],
    [
      'an unreachable state',
      { transitions: [{ ...pause, from: ['paused'] }, resume, { ...close, from: ['open'] }] },
      ['state "paused" is unreachable'],
    ],
    [
      'an actor nobody knows, or no actor',
      { transitions: [{ ...pause, by: ['robot' as 'staff'] }, { ...resume, by: [] }, close] },
      ['"pause" by unknown actor "robot"', '"resume" may be triggered by nobody'],
    ],
    [
      'a terminal initial state',
      { initial: 'closed' },
      [
        'the initial state is terminal',
        'state "open" is unreachable',
        'state "paused" is unreachable',
      ],
    ],
    [
      'missing labels and wording',
      {
        stateLabels: { ...base.stateLabels, paused: { 'zh-CN': '', en: 'paused' } },
        eventLabels: { ...base.eventLabels, close: undefined as never },
        wording: { ...base.wording, events: { ...base.wording.events, pause: event('') } },
      },
      [
        'state "paused" lacks a label',
        'event "pause" lacks wording',
        'event "close" lacks a label',
      ],
    ],
  ])('reports %s', (_what, overrides, problems) => {
    const machine = toy(overrides);
    expect(machineProblems(machine).sort()).toEqual([...problems].sort());
    expect(() => defineMachine(machine)).toThrow(/^Invalid viewing state machine: /);
  });
});
