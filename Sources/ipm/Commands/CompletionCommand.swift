/// `ipm completion bash|zsh|fish`: a completion script that asks ipm itself for candidates.
enum CompletionCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "completion",
        abstract: "Print a shell completion script (commands, options, topic ids, answer values).",
        discussion: """
            The script calls 'ipm __complete' as you type, so it completes your own content pages too.
            """,
        examples: [
            "source <(ipm completion bash)          # in ~/.bashrc",
            "ipm completion zsh > \"${fpath[1]}/_ipm\"",
            "ipm completion fish > ~/.config/fish/completions/ipm.fish",
        ],
        arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish.", choices: ["bash", "zsh", "fish"])],
        run: { arguments, context in
            switch arguments.positionals[0] {
            case "bash": context.out(bash)
            case "zsh": context.out(zsh)
            default: context.out(fish)
            }
            return 0
        })

    static let bash = """
        # bash completion for ipm
        _ipm() {
            local IFS=$'\\n'
            COMPREPLY=( $(ipm __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
        }
        complete -o default -F _ipm ipm

        """

    static let zsh = """
        #compdef ipm
        # zsh completion for ipm
        _ipm() {
            local -a candidates
            candidates=("${(@f)$(ipm __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
            if (( ${#candidates} )) && [[ -n "${candidates[1]}" ]]; then
                compadd -a candidates
            else
                _files
            fi
        }
        if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then _ipm "$@"; else compdef _ipm ipm; fi

        """

    static let fish = """
        # fish completion for ipm
        complete -c ipm -f -a '(ipm __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'

        """
}
