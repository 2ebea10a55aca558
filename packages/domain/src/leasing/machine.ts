/**
 * A small, data-only state machine shared by viewings, applications and leases (issue #6). A
 * machine lists its states and events, one transition per event (the states it may start from,
 * the state it leads to, who may trigger it) and the words needed to explain a refusal in
 * Chinese and English. The API calls `nextState` before writing a status; the web app calls
 * `allowedEvents` to decide which buttons to show. No I/O, no clocks.
 */
import type { Labels, Locale } from '../labels';

/**
 * Who triggers a transition: the firm's user, platform staff, or the system itself (a scheduled
 * job, or a consequence of another transition such as a competing approval).
 */
export const LEASING_ACTORS = ['firm', 'staff', 'system'] as const;
export type LeasingActor = (typeof LEASING_ACTORS)[number];

export const LEASING_ACTOR_LABELS: Labels<LeasingActor> = {
  firm: { 'zh-CN': '企业用户', en: 'Firm user' },
  staff: { 'zh-CN': '平台工作人员', en: 'Platform staff' },
  system: { 'zh-CN': '系统', en: 'System' },
};

/** How an actor is named inside an English sentence ("Only platform staff can …"). */
const ACTOR_IN_SENTENCE: Record<LeasingActor, string> = {
  firm: 'the firm',
  staff: 'platform staff',
  system: 'the system',
};

export const MACHINE_NAMES = ['viewing', 'application', 'lease'] as const;
export type MachineName = (typeof MACHINE_NAMES)[number];

export interface Transition<S extends string, E extends string> {
  event: E;
  /** The states the event may start from, in the machine's `states` order. */
  from: readonly S[];
  to: S;
  /** Who may trigger it, in `LEASING_ACTORS` order. */
  by: readonly LeasingActor[];
}

/**
 * Sentence fragments for refusal messages. Labels are headings and buttons ("撤回",
 * "Withdraw"); these fit inside a sentence ("… can be withdrawn").
 */
export interface MachineWording<S extends string, E extends string> {
  states: Record<
    S,
    {
      /** Before the subject: "a ‹draft› application", "an ‹under review› application". */
      enBefore: string;
      /** After "this one is": "a draft", "approved". */
      enIs: string;
    }
  >;
  events: Record<
    E,
    {
      /** After "可以": "撤回". */
      zhVerb: string;
      /** After "can": "be withdrawn". */
      enPassive: string;
      /** After "Only … can": "withdraw an application". */
      enActive: string;
    }
  >;
}

export interface StateMachine<S extends string, E extends string> {
  name: MachineName;
  states: readonly S[];
  events: readonly E[];
  /** The state a new record is created in; creating it is not a transition. */
  initial: S;
  /** States with no way out. Every other state has at least one outgoing event. */
  terminal: readonly S[];
  /** Exactly one transition per event, in `events` order. */
  transitions: readonly Transition<S, E>[];
  stateLabels: Labels<S>;
  eventLabels: Labels<E>;
  /** What the machine's records are called: 申请 / application. */
  subjectLabel: Record<Locale, string>;
  wording: MachineWording<S, E>;
}

/**
 * `INVALID_TRANSITION`: the event is not allowed from the current state (a conflict with the
 * record's state; `allowedFrom` lists the states that allow it).
 * `TRANSITION_NOT_PERMITTED`: the state allows it but this actor may not trigger it
 * (`allowedBy` lists who may). The state is checked first.
 */
export const TRANSITION_ERROR_CODES = ['INVALID_TRANSITION', 'TRANSITION_NOT_PERMITTED'] as const;
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

/** Why `nextState` refused, with a message in Chinese (`zh`) and English (`en`, also `message`). */
export class TransitionError<S extends string = string, E extends string = string> extends Error {
  constructor(
    readonly code: TransitionErrorCode,
    readonly machine: MachineName,
    readonly event: E,
    readonly from: S,
    readonly by: LeasingActor,
    readonly allowedFrom: S[],
    readonly allowedBy: LeasingActor[],
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'TransitionError';
  }

  /** Plain data for an API error body. */
  get details(): Record<string, unknown> {
    return {
      machine: this.machine,
      event: this.event,
      from: this.from,
      by: this.by,
      allowedFrom: this.allowedFrom,
      allowedBy: this.allowedBy,
    };
  }
}

/** The transition of an event; throws on an event the machine does not know (a programming error). */
function transitionOf<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  event: E,
): Transition<S, E> {
  const transition = machine.transitions.find((t) => t.event === event);
  if (!transition) throw new RangeError(`Unknown ${machine.name} event "${event}"`);
  return transition;
}

/**
 * The state after `event` on a record in state `from`, triggered by `by`. Throws a
 * `TransitionError`: `INVALID_TRANSITION` when the event is not allowed from `from`,
 * `TRANSITION_NOT_PERMITTED` when it is but not for this actor.
 */
export function nextState<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  from: S,
  event: E,
  by: LeasingActor,
): S {
  const transition = transitionOf(machine, event);
  const allowedFrom = machine.states.filter((s) => transition.from.includes(s));
  const allowedBy = LEASING_ACTORS.filter((a) => transition.by.includes(a));
  const fail = (code: TransitionErrorCode, zh: string, en: string) =>
    new TransitionError<S, E>(code, machine.name, event, from, by, allowedFrom, allowedBy, zh, en);

  if (!transition.from.includes(from)) {
    const words = machine.wording;
    const zhStates = allowedFrom.map((s) => `「${machine.stateLabels[s]['zh-CN']}」`).join('');
    const current = machine.stateLabels[from]?.['zh-CN'] ?? from;
    const enStates = joinOr(allowedFrom.map((s) => words.states[s].enBefore));
    const enCurrent = words.states[from]?.enIs ?? from;
    throw fail(
      'INVALID_TRANSITION',
      `只有${zhStates}状态的${machine.subjectLabel['zh-CN']}可以${words.events[event].zhVerb}(当前为「${current}」)`,
      `Only ${withArticle(enStates)} ${machine.subjectLabel.en} can ${words.events[event].enPassive} (this one is ${enCurrent})`,
    );
  }
  if (!transition.by.includes(by)) {
    const zhActors = joinZh(allowedBy.map((a) => LEASING_ACTOR_LABELS[a]['zh-CN']));
    const enActors = joinOr(allowedBy.map((a) => ACTOR_IN_SENTENCE[a]));
    throw fail(
      'TRANSITION_NOT_PERMITTED',
      `「${machine.eventLabels[event]['zh-CN']}」只能由${zhActors}操作`,
      `Only ${enActors} can ${machine.wording.events[event].enActive}`,
    );
  }
  return transition.to;
}

/** Whether `event` may happen from `from` (and, when given, be triggered by `by`). */
export function canTransition<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  from: S,
  event: E,
  by?: LeasingActor,
): boolean {
  const transition = machine.transitions.find((t) => t.event === event);
  return (
    transition !== undefined &&
    transition.from.includes(from) &&
    (by === undefined || transition.by.includes(by))
  );
}

/** The events allowed from `state` (for `by`, when given), in the machine's `events` order. */
export function allowedEvents<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  state: S,
  by?: LeasingActor,
): E[] {
  return machine.events.filter((event) => canTransition(machine, state, event, by));
}

/** Every allowed (from, event) pair, in `states` then `events` order: for docs and tests. */
export function transitionTable<S extends string, E extends string>(
  machine: StateMachine<S, E>,
): { from: S; event: E; to: S; by: LeasingActor[] }[] {
  return machine.states.flatMap((from) =>
    machine.events.flatMap((event) => {
      const t = machine.transitions.find((x) => x.event === event);
      return t && t.from.includes(from) ? [{ from, event, to: t.to, by: [...t.by] }] : [];
    }),
  );
}

/**
 * Everything wrong with a machine's definition, in English for developers; empty when sound.
 * Checks that transitions use only the machine's own states, events and actors, one transition
 * per event, terminal states have no way out and every other state has one, every state can be
 * reached from `initial`, and every state and event has labels and wording.
 */
export function machineProblems<S extends string, E extends string>(
  machine: StateMachine<S, E>,
): string[] {
  const problems: string[] = [];
  const { states, events, transitions, terminal } = machine;
  const isState = (s: string): s is S => (states as readonly string[]).includes(s);
  const duplicates = (list: readonly string[]) => list.filter((x, i) => list.indexOf(x) !== i);

  for (const d of duplicates(states)) problems.push(`state "${d}" is listed twice`);
  for (const d of duplicates(events)) problems.push(`event "${d}" is listed twice`);
  if (!isState(machine.initial)) problems.push(`initial state "${machine.initial}" is unknown`);
  if (terminal.includes(machine.initial)) problems.push('the initial state is terminal');
  for (const s of terminal) if (!isState(s)) problems.push(`terminal state "${s}" is unknown`);

  for (const t of transitions) {
    if (!events.includes(t.event)) problems.push(`transition for unknown event "${t.event}"`);
    if (t.from.length === 0) problems.push(`"${t.event}" starts from no state`);
    for (const s of t.from) if (!isState(s)) problems.push(`"${t.event}" from unknown "${s}"`);
    if (duplicates(t.from).length) problems.push(`"${t.event}" lists a from state twice`);
    if (!isState(t.to)) problems.push(`"${t.event}" leads to unknown "${t.to}"`);
    if (t.by.length === 0) problems.push(`"${t.event}" may be triggered by nobody`);
    for (const a of t.by) {
      if (!LEASING_ACTORS.includes(a)) problems.push(`"${t.event}" by unknown actor "${a}"`);
    }
    if (duplicates(t.by).length) problems.push(`"${t.event}" lists an actor twice`);
  }
  for (const e of events) {
    const count = transitions.filter((t) => t.event === e).length;
    if (count !== 1) problems.push(`event "${e}" has ${count} transitions, expected 1`);
  }
  for (const s of states) {
    const outgoing = transitions.filter((t) => t.from.includes(s)).length;
    if (terminal.includes(s) && outgoing > 0) problems.push(`terminal state "${s}" has events`);
    if (!terminal.includes(s) && outgoing === 0) problems.push(`state "${s}" is a dead end`);
  }

  const reached = new Set<S>([machine.initial]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of transitions) {
      if (!reached.has(t.to) && t.from.some((s) => reached.has(s))) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of states) if (!reached.has(s)) problems.push(`state "${s}" is unreachable`);

  const filled = (text: { 'zh-CN'?: string; en?: string } | undefined) =>
    Boolean(text?.['zh-CN']?.trim() && text?.en?.trim());
  for (const s of states) {
    if (!filled(machine.stateLabels[s])) problems.push(`state "${s}" lacks a label`);
    const w = machine.wording.states[s];
    if (!w?.enBefore || !w.enIs) problems.push(`state "${s}" lacks wording`);
  }
  for (const e of events) {
    if (!filled(machine.eventLabels[e])) problems.push(`event "${e}" lacks a label`);
    const w = machine.wording.events[e];
    if (!w?.zhVerb || !w.enPassive || !w.enActive) problems.push(`event "${e}" lacks wording`);
  }
  if (!filled(machine.subjectLabel)) problems.push('the subject lacks a label');
  return problems;
}

/** Returns the machine unchanged, or throws listing its problems: call it at module load. */
export function defineMachine<S extends string, E extends string>(
  machine: StateMachine<S, E>,
): StateMachine<S, E> {
  const problems = machineProblems(machine);
  if (problems.length) {
    throw new Error(`Invalid ${machine.name} state machine: ${problems.join('; ')}`);
  }
  return machine;
}

/** "a", "a or b", "a, b or c". */
function joinOr(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** "甲", "甲或乙", "甲、乙或丙". */
function joinZh(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}或${items.at(-1)}`;
}

/** "an under review …", "a draft …". */
function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
