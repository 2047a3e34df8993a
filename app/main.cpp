// aliasing: parses the command line (Poco::Util::Application) and hands over to a command.

#include "command_line.hpp"
#include "help_text.hpp"
#include "plugin_setup.hpp"
#include "version_info.hpp"

#include "aliasing/common/closest_name.hpp"

#include <Poco/Util/Application.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <iostream>

namespace aliasing::cli {
namespace {

class AliasingApp : public Poco::Util::Application {
public:
    AliasingApp() { setUnixOptions(true); }

    CommandLine line;

protected:
    void defineOptions(Poco::Util::OptionSet& options) override {
        options.addOption(Poco::Util::Option("version", "", "show versions").required(false).repeatable(false));
        for (const auto& help : all_options()) {
            Poco::Util::Option option{std::string(help.name), help.name == "help" ? "h" : "", std::string(help.text)};
            option.required(false).repeatable(true);
            if (!help.argument.empty()) option.argument(std::string(help.argument));
            options.addOption(option);
        }
    }

    void handleOption(const std::string& name, const std::string& value) override {
        line.given.push_back(name);
        if (name == "help") {
            line.help = true;
            stopOptionsProcessing();
        } else if (name == "version") {
            line.version = true;
        } else if (name == "output") {
            line.output = value;
        } else if (name == "catalog") {
            line.catalog = value;
        } else if (name == "aliases") {
            line.aliases.push_back(value);
        } else if (name == "plugin-dir") {
            line.plugin_dirs.push_back(value);
        } else if (name == "pattern") {
            line.pattern = value;
        } else if (name == "max-segment-size") {
            line.max_segment_size = value;
        } else if (name == "now") {
            line.now = value;
        } else if (name == "es-url") {
            line.es_urls.push_back(value);
        } else if (name == "cluster") {
            line.clusters.push_back(value);
        } else if (name == "parallel") {
            line.parallel = value;
        } else if (name == "clusters") {
            line.clusters_file = value;
        } else if (name == "connection") {
            line.connection = value;
        } else if (name == "ca-file") {
            line.ca_file = value;
        } else if (name == "insecure") {
            line.insecure = true;
        } else if (name == "aws-sigv4") {
            line.aws.sigv4 = true;
        } else if (name == "aws-region") {
            line.aws.region = value;
        } else if (name == "aws-service") {
            line.aws.service = value;
        } else if (name == "dry-run") {
            line.dry_run = true;
        } else if (name == "apply") {
            line.apply = true;
        } else if (name == "report") {
            line.report = value;
        } else if (name == "metrics-file") {
            line.metrics_file = value;
        } else if (name == "wide") {
            line.wide = true;
        } else if (name == "quiet") {
            line.quiet = true;
        } else if (name == "log-format") {
            line.log_format = value;
        } else if (name == "timeout") {
            line.timeout = value;
        } else if (name == "lock-ttl") {
            line.lock_ttl = value;
        } else if (name == "lock-index") {
            line.lock_index = value;
        } else if (name == "clear") {
            line.clear = true;
        } else if (name == "hold-until-newer") {
            line.hold_until_newer = true;
        }
    }

    int main(const ArgVec& args) override {
        std::vector<std::string> rest(args.begin(), args.end());
        if (line.version) {
            std::cout << version_text();
            return 0;
        }
        if (rest.empty()) {
            std::cout << general_help();
            return line.help ? 0 : 2;
        }
        line.command = rest.front();
        line.positional.assign(rest.begin() + 1, rest.end());
        if (line.command == "help") {
            if (line.positional.empty()) {
                std::cout << general_help();
                return 0;
            }
            const auto* command = find_command(line.positional.front());
            if (!command) return fail(2, "unknown command [" + line.positional.front() + "]; see `aliasing help`");
            std::cout << command_help(*command);
            return 0;
        }
        const CommandHelp* command = find_command(line.command);
        if (!command) {
            std::vector<std::string_view> names;
            for (const auto& known : all_commands()) names.push_back(known.name);
            const std::string close = closest_name(line.command, names);
            return fail(2, "unknown command [" + line.command + "]" +
                               (close.empty() ? std::string() : "; did you mean `aliasing " + close + "`?") +
                               "; commands: run, plan, status, rollback, audit, plugins, help (see `aliasing help`)");
        }
        if (line.help) {
            std::cout << command_help(*command);
            return 0;
        }
        for (const auto& name : line.given) {
            if (std::find(command->options.begin(), command->options.end(), name) == command->options.end()) {
                return fail(2, "option --" + name + " is not used by `aliasing " + line.command +
                                   "`; see `aliasing " + line.command + " --help`");
            }
        }
        if (line.command == "plan")
            return line.clusters.empty() && !clusters_file_path(line) ? run_plan(line) : run_promotion(line);
        if (line.command == "audit") return run_audit(line);
        if (line.command == "plugins") return run_plugins(line);
        return run_promotion(line);
    }
};

}  // namespace

std::string unknown_option_message(const std::string& given) {
    std::string name = given;
    if (const auto equals = name.find('='); equals != std::string::npos) name.resize(equals);
    std::vector<std::string_view> names = {"version"};
    for (const auto& option : all_options()) names.push_back(option.name);
    const std::string close = closest_name(name, names);
    return "unknown option --" + name + (close.empty() ? std::string() : "; did you mean --" + close + "?") +
           " (see `aliasing --help`)";
}

int fail(int code, const std::string& message) {
    std::cerr << "aliasing: error: " << message << "\n";
    return code;
}

}  // namespace aliasing::cli

int main(int argc, char** argv) {
    aliasing::cli::AliasingApp app;
    try {
        app.init(argc, argv);
    } catch (const Poco::Util::UnknownOptionException& error) {
        return aliasing::cli::fail(2, aliasing::cli::unknown_option_message(error.message()));
    } catch (const Poco::Util::OptionException& error) {
        return aliasing::cli::fail(2, error.displayText() + " (see `aliasing --help`)");
    }
    try {
        return app.run();
    } catch (const std::exception& error) {
        return aliasing::cli::fail(6, std::string("internal error: ") + error.what());
    }
}
