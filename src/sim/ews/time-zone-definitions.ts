// Full TimeZoneDefinition (Periods, TransitionsGroups, Transitions) as GetItem returns StartTimeZone.
import { esc } from '../xml/escape.js';
import { windowsZone } from './time-zone-names.js';

interface Rule {
  std: string;
  dst?: string;
  toDst?: { month: number; occurrence: number; offset: string };
  toStd?: { month: number; occurrence: number; offset: string };
}

const RULES: Record<string, Rule> = {
  UTC: { std: 'PT0M' },
  'W. Europe Standard Time': {
    std: '-PT60M',
    dst: '-PT120M',
    toDst: { month: 3, occurrence: -1, offset: 'PT2H' },
    toStd: { month: 10, occurrence: -1, offset: 'PT3H' },
  },
  'Romance Standard Time': {
    std: '-PT60M',
    dst: '-PT120M',
    toDst: { month: 3, occurrence: -1, offset: 'PT2H' },
    toStd: { month: 10, occurrence: -1, offset: 'PT3H' },
  },
  'GMT Standard Time': {
    std: 'PT0M',
    dst: '-PT60M',
    toDst: { month: 3, occurrence: -1, offset: 'PT1H' },
    toStd: { month: 10, occurrence: -1, offset: 'PT2H' },
  },
  'Eastern Standard Time': {
    std: 'PT300M',
    dst: 'PT240M',
    toDst: { month: 3, occurrence: 2, offset: 'PT2H' },
    toStd: { month: 11, occurrence: 1, offset: 'PT2H' },
  },
};

export function timeZoneDefinitionXml(tag: 'StartTimeZone' | 'EndTimeZone', iana: string): string {
  const z = windowsZone(iana);
  const rule = RULES[z.id];
  const open = `<t:${tag} Id="${esc(z.id)}" Name="${esc(z.name)}"`;
  if (!rule) return `${open}/>`;
  const pid = (kind: string) => `trule:Microsoft/Registry/${z.id}/1-${kind}`;
  let periods = `<t:Period Bias="${rule.std}" Name="Standard" Id="${esc(pid('Standard'))}"/>`;
  let group: string;
  if (rule.dst && rule.toDst && rule.toStd) {
    periods += `<t:Period Bias="${rule.dst}" Name="Daylight" Id="${esc(pid('Daylight'))}"/>`;
    const t = (to: string, r: { month: number; occurrence: number; offset: string }) =>
      `<t:RecurringDayTransition><t:To Kind="Period">${esc(pid(to))}</t:To><t:TimeOffset>${r.offset}</t:TimeOffset><t:Month>${r.month}</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek><t:Occurrence>${r.occurrence}</t:Occurrence></t:RecurringDayTransition>`;
    group = t('Daylight', rule.toDst) + t('Standard', rule.toStd);
  } else {
    group = `<t:Transition><t:To Kind="Period">${esc(pid('Standard'))}</t:To></t:Transition>`;
  }
  return (
    `${open}><t:Periods>${periods}</t:Periods><t:TransitionsGroups><t:TransitionsGroup Id="0">${group}</t:TransitionsGroup></t:TransitionsGroups>` +
    `<t:Transitions><t:Transition><t:To Kind="Group">0</t:To></t:Transition></t:Transitions></t:${tag}>`
  );
}
