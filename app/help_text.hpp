#pragma once
// Every command's help, in one place: `--help`, `aliasing help CMD` and the man page are generated from it.

#include <string>
#include <string_view>
#include <vector>

namespace aliasing::cli {

struct OptionHelp {
    std::string_view name;      // long name without dashes
    std::string_view argument;  // empty for flags
    std::string_view text;
};

struct CommandHelp {
    std::string_view name;
    std::string_view synopsis;
    std::string_view summary;
    std::string_view description;
    std::vector<std::string_view> options;  // long names accepted by the command
    std::string_view example;
};

const std::vector<OptionHelp>& all_options();
const std::vector<CommandHelp>& all_commands();
const CommandHelp* find_command(std::string_view name);

std::string general_help();
std::string command_help(const CommandHelp& command);
/// The manual page (roff) of every command.
std::string man_page();
/// A bash completion script (commands, each command's options, file names) from the same table.
std::string bash_completion();

}  // namespace aliasing::cli
