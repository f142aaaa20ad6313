# Every help example that shows output shows what PowerShell prints when its commands run against the emulator (and
# an example that shows none, but has an entry, prints nothing).
#
# The examples run in one runspace whose host records what a console would print at 120 columns (output,
# errors, warnings, verbose and "What if:" lines, prompts with what is typed at them), against one emulator that is
# reset before each example. What an example needs beforehand (measurements, spaces, alerts, services, files, stand-ins
# for Windows-only commands) is set up by its entry in tests/Pester/HelpExamples/<Page>.ps1, never in the page.
# Times, request durations and the time zone may differ from the page; everything else must match.
#
# With LIBRATO_UPDATE_EXAMPLES=1 the output shown in each example's block is rewritten from the run where it differs
# (the commands and the text around the blocks stay as they are); with LIBRATO_UPDATE_EXAMPLES=all every block is
# rewritten. Rewritten dates are moved to 3 June 2025 (see Move-ExampleDate).
# LIBRATO_EXAMPLES_PAGE=<wildcard> runs only the matching pages.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'HelpExamples/Harness.ps1')
    $docs = Join-Path $PSScriptRoot '../../docs/cmdlets'
    $filter = if ($env:LIBRATO_EXAMPLES_PAGE) { $env:LIBRATO_EXAMPLES_PAGE } else { '*' }
    $script:Pages = @(foreach ($file in Get-ChildItem $docs -Filter '*.md' | Where-Object { $_.Name -notlike 'about_*' -and $_.BaseName -like $filter } | Sort-Object Name) {
            # Every example that shows output, and every other one its page's entries set up (to show that it prints nothing).
            $entriesPath = Join-Path $PSScriptRoot "HelpExamples/$($file.BaseName).ps1"
            $entries = if (Test-Path -LiteralPath $entriesPath) { & $entriesPath } else { @{} }
            $examples = @(Get-HelpExample $file.FullName | Where-Object { $_.HasOutput -or $entries.ContainsKey($_.Number) } |
                    ForEach-Object { @{ Number = $_.Number; Title = $_.Title } })
            if ($examples.Count) { @{ Page = $file.BaseName; Path = $file.FullName; Examples = $examples } }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'HelpExamples/Harness.ps1')
    $script:Update = $env:LIBRATO_UPDATE_EXAMPLES -in '1', 'all'
    # 'all' rewrites every block, also those that differ from the run only in their times, so a page's times agree.
    $script:UpdateAll = $env:LIBRATO_UPDATE_EXAMPLES -eq 'all'
    $others = foreach ($email in @($ExampleAccounts.Keys) | Select-Object -Skip 1) { '--user', $email, '--token', $ExampleAccounts[$email] }
    $first = @($ExampleAccounts.Keys)[0]
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -Email $first -Token $ExampleAccounts[$first] -ArgumentList $others
    $script:AppOptics = $null
    $script:State = New-ExampleRunspace -ModuleManifest (Join-Path $ModulePath 'Librato.psd1')
}

AfterAll {
    # The last example's queues and sessions are closed, so that none reports measurements lost when the process ends.
    if ($State) { Reset-ExampleRunspace $State; $State.Runspace.Dispose() }
    Disconnect-Librato
    $Emulator, $AppOptics | Where-Object { $_ } | Stop-LibratoEmulator
}

Describe 'The examples of <Page>' -ForEach $Pages {
    BeforeAll {
        $entriesPath = Join-Path $PSScriptRoot "HelpExamples/$Page.ps1"
        $script:Entries = if (Test-Path -LiteralPath $entriesPath) { & $entriesPath } else { @{} }
        $script:PageExamples = @{}
        foreach ($example in Get-HelpExample $Path) { $PageExamples[$example.Number] = $example }
        $script:Updates = [Collections.Generic.List[object]]::new()
    }

    AfterAll {
        if ($Update -and $Updates.Count) { Update-HelpPage -Path $Path -Blocks $Updates }
    }

    It 'Example <Number>: <Title>' -ForEach $Examples {
        $example = $PageExamples[$Number]
        $entry = Get-ExampleEntry $Entries $Number
        $null -ne $entry | Should -BeTrue -Because "Example $Number of $Page shows output, so tests/Pester/HelpExamples/$Page.ps1 needs an entry for it (@{} when it needs no setup)"
        if ($entry.AppOptics -and -not $script:AppOptics) {
            $script:AppOptics = Start-LibratoEmulator -Path $EmulatorPath -AppOptics -Token 'a3f9c27e4b8d1065f2e7c9a4b3d8e1f0'
        }
        $run = Invoke-HelpExample -State $State -Example $example -Entry $entry -Emulator $Emulator -AppOptics $(if ($entry.AppOptics) { $script:AppOptics })
        $run.Problem | Should -BeNullOrEmpty -Because "Example $Number of $Page should run as its entry expects"
        if ($Update) {
            if ($UpdateAll -or $run.Actual -cne $run.Expected) {
                $Updates.Add([pscustomobject]@{ Start = $example.Start; Length = $example.Length; Old = $example.Block; New = (Move-ExampleDate $run.Block) })
            }
        }
        elseif ($run.Actual -cne $run.Expected) {
            $expected = $run.Expected -split "`n"
            $actual = $run.Actual -split "`n"
            $line = 0
            while ($line -lt $expected.Count -and $line -lt $actual.Count -and $expected[$line] -ceq $actual[$line]) { $line++ }
            $shown = if ($line -lt $expected.Count) { $expected[$line] } else { '(nothing)' }
            $printed = if ($line -lt $actual.Count) { $actual[$line] } else { '(nothing)' }
            throw "Example $Number of $Page does not show what its commands print. First difference, on line $($line + 1) of the block:`n  page: $shown`n  run:  $printed`nThe run printed:`n$($run.Block)"
        }
    }
}
