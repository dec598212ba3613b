// How every command's help shows what an option needs: "(required)" for a mandatory option, and every default
// one way — commander's "(default: …)", also for a default that is described rather than a value
// (`.default(undefined, "the profile's test mailbox")`). Inherited by every subcommand.
import { Help, type Command, type Option } from 'commander';

export function optionDescription(this: Help | void, option: Option): string {
  let text = Help.prototype.optionDescription.call(this ?? new Help(), option);
  if (option.defaultValue === undefined && option.defaultValueDescription) text = `${text} (default: ${option.defaultValueDescription})`;
  return option.mandatory ? `${text} (required)` : text;
}

export function configureCliHelp(program: Command): Command {
  return program.configureHelp({ optionDescription });
}
