# Dot-sourced by HelpExamples.Tests.ps1: reads the examples of the help pages, runs their commands in a runspace whose
# host records what a console would print, and compares that with what the pages show (or writes it into them).

# The accounts of the emulator the examples run against. ops@example.com is the account most examples show, and the
# session every example starts with; demo@example.com is the emulator's demo account the pages name.
$script:ExampleAccounts = [ordered]@{
    'ops@example.com'     = '7f3c9a1e5b2d4f60c8e1a9b3d5f70246e8a1c3b5d7f9e0a2c4b6d8f0e1a3c5b7'
    'demo@example.com'    = 'demo-token'
    'ops@example.org'     = '2b4d6f8a0c1e3f5a7b9d1c3e5f7a9b0d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a0c'
    'staging@example.com' = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d'
}
# The other user names an example may type at a credential prompt, with what is typed as the password.
$script:ExamplePasswords = @{ 'CORP\svc-metrics' = 'Proxy-Passw0rd' }
$script:ProductionEndpoint = 'https://metrics-api.librato.com'

function script:Get-HelpExample {
    # The examples of a page: each with its commands (the 'PS C:\> ' line and its '>> ' continuations) and the lines
    # the page shows after each, and where its code block's text starts and ends in the page.
    param([Parameter(Mandatory)] [string] $Path)
    $text = [IO.File]::ReadAllText($Path)
    $section = [regex]::Match($text, '(?ms)^## EXAMPLES[ \t]*\n(.*?)(?=^## )')
    if (-not $section.Success) { return }
    $pattern = '(?ms)^### Example (\d+):[ \t]*([^\n]*)\n```powershell\n(.*?)(?=^```)'
    foreach ($match in [regex]::Matches($section.Groups[1].Value, $pattern)) {
        $code = $match.Groups[3]
        $commands = [Collections.Generic.List[object]]::new()
        foreach ($line in $code.Value.TrimEnd("`n") -split "`n") {
            if ($line.StartsWith('PS C:\> ')) {
                $commands.Add([pscustomobject]@{ Lines = [Collections.Generic.List[string]]@($line); Code = [Collections.Generic.List[string]]@($line.Substring(8)); Shown = [Collections.Generic.List[string]]::new() })
            }
            elseif ($commands.Count -gt 0 -and $commands[-1].Shown.Count -eq 0 -and ($line.StartsWith('>> ') -or $line -eq '>>')) {
                $commands[-1].Lines.Add($line)
                $commands[-1].Code.Add($(if ($line.Length -gt 3) { $line.Substring(3) } else { '' }))
            }
            elseif ($commands.Count -gt 0) {
                $commands[-1].Shown.Add($line)
            }
            else {
                throw "$(Split-Path -Leaf $Path), Example $($match.Groups[1].Value): the block starts with '$line', not with a 'PS C:\> ' command."
            }
        }
        [pscustomobject]@{
            Number    = [int]$match.Groups[1].Value
            Title     = $match.Groups[2].Value.Trim()
            Commands  = $commands
            HasOutput = @($commands | Where-Object { @($_.Shown | Where-Object { $_.Trim() }).Count -gt 0 }).Count -gt 0
            Start     = $section.Groups[1].Index + $code.Index
            Length    = $code.Length
            Block     = $code.Value
        }
    }
}

function script:Get-ExampleEntry {
    # The setup entry of an example from tests/Pester/HelpExamples/<Page>.ps1: a hashtable keyed by example number
    # whose values are a setup scriptblock or a hashtable (Setup, Answers, Errors, Endpoint, Substitute, Normalize).
    param([Parameter(Mandatory)] [hashtable] $Entries, [Parameter(Mandatory)] [int] $Number)
    if (-not $Entries.ContainsKey($Number)) { return $null }
    $entry = $Entries[$Number]
    if ($entry -is [scriptblock]) { return @{ Setup = $entry } }
    $entry
}

function script:New-ExampleRunspace {
    # One runspace for every example, with a recording host; the module is imported once.
    param([Parameter(Mandatory)] [string] $ModuleManifest)
    if (-not ('LibratoHelpExamples.ExampleHost' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'ExampleHost.cs')
    }
    $exampleHost = [LibratoHelpExamples.ExampleHost]::new()
    $runspace = [runspacefactory]::CreateRunspace($exampleHost)
    $runspace.ThreadOptions = 'ReuseThread'
    $runspace.Open()
    $state = [pscustomobject]@{ Host = $exampleHost; Runspace = $runspace; Variables = @(); Functions = @(); Environment = @{} }
    Invoke-ExampleScript $state @"
`$PSStyle.OutputRendering = 'PlainText'
`$ProgressPreference = 'SilentlyContinue'
# The pages show dates and numbers as on an en-US Windows machine, whose times have a plain space before AM and PM
# and whose numbers two decimals (ICU puts a narrow no-break space there, and has three); the runspace runs every
# command on this one thread.
`$culture = [cultureinfo]::new('en-US')
foreach (`$pattern in 'LongTimePattern', 'ShortTimePattern', 'FullDateTimePattern') { `$culture.DateTimeFormat.`$pattern = `$culture.DateTimeFormat.`$pattern.Replace([char]0x202F, ' ') }
`$culture.NumberFormat.NumberDecimalDigits = `$culture.NumberFormat.PercentDecimalDigits = 2
[cultureinfo]::CurrentCulture = [cultureinfo]::CurrentUICulture = `$culture
Remove-Variable culture, pattern
Import-Module '$($ModuleManifest -replace "'", "''")'
`$ExampleMachineDrives = @(Get-PSDrive -PSProvider FileSystem | Where-Object Name -In 'C', 'D' | Select-Object Name, Root)
. '$((Join-Path $PSScriptRoot 'Helpers.ps1') -replace "'", "''")'
"@ | Out-Null
    $state.Variables = @(Invoke-ExampleScript $state '(Get-Variable -Scope Global).Name' -Objects)
    $state.Functions = @(Invoke-ExampleScript $state '(Get-ChildItem function:).Name' -Objects)
    foreach ($entry in [Environment]::GetEnvironmentVariables().GetEnumerator()) { $state.Environment[$entry.Key] = $entry.Value }
    foreach ($email in $ExampleAccounts.Keys) { $exampleHost.Recorder.Passwords[$email] = $ExampleAccounts[$email] }
    foreach ($user in $ExamplePasswords.Keys) { $exampleHost.Recorder.Passwords[$user] = $ExamplePasswords[$user] }
    $state
}

function script:Invoke-ExampleScript {
    # Runs text in the examples' runspace, in its global scope. -Objects returns what it writes; otherwise what it
    # writes goes to Out-Default, errors included, as a console shows them, and the printed text is returned.
    param([Parameter(Mandatory)] $State, [Parameter(Mandatory)] [string] $Script, [switch] $Objects)
    $ps = [powershell]::Create()
    $ps.Runspace = $State.Runspace
    # One setting for the whole process: plain text while the example runs, whatever the test runner uses.
    $rendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'
    try {
        if ($Objects) { return $ps.AddScript($Script).Invoke() }
        [void]$ps.AddScript($Script).AddCommand('Out-Default')
        $ps.Commands.Commands[0].MergeMyResults('Error', 'Output')
        try {
            [void]$ps.Invoke()
        }
        catch [System.Management.Automation.MethodInvocationException] {
            # A terminating error ends the command: the console host writes its error record through Out-Default.
            $exception = $_.Exception.InnerException
            $record = if ($exception -is [System.Management.Automation.IContainsErrorRecord]) { $exception.ErrorRecord } else { [System.Management.Automation.ErrorRecord]::new($exception, 'Example.Exception', 'NotSpecified', $null) }
            $report = [powershell]::Create()
            $report.Runspace = $State.Runspace
            try { [void]$report.AddScript('$input | Out-Default').Invoke(@(Add-Member -InputObject $record -NotePropertyName writeErrorStream -NotePropertyValue $true -PassThru)) }
            finally { $report.Dispose() }
        }
        $State.Host.Recorder.TakeText()
    }
    finally {
        $ps.Dispose()
        $PSStyle.OutputRendering = $rendering
    }
}

function script:Reset-ExampleRunspace {
    # Drops what the last example left: its variables (disposing queues, sessions and timers), functions, drives,
    # environment variables and prompts; the default session is closed.
    param([Parameter(Mandatory)] $State)
    $State.Host.Recorder.Answers.Clear()
    $names = ($State.Variables | ForEach-Object { "'$($_ -replace "'", "''")'" }) -join ','
    $functions = ($State.Functions | ForEach-Object { "'$($_ -replace "'", "''")'" }) -join ','
    Invoke-ExampleScript $State @"
# Module-qualified: an example's stand-ins may have taken these commands' names.
Microsoft.PowerShell.Management\Set-Location /
Librato\Disconnect-Librato -ErrorAction SilentlyContinue
foreach (`$variable in Microsoft.PowerShell.Utility\Get-Variable -Scope Global | Microsoft.PowerShell.Core\Where-Object Name -NotIn @($names)) {
    if (`$variable.Value -is [IDisposable] -and `$variable.Value -isnot [System.Management.Automation.Runspaces.Runspace]) { try { `$variable.Value.Dispose() } catch { } }
    Microsoft.PowerShell.Utility\Remove-Variable -Name `$variable.Name -Scope Global -Force -ErrorAction SilentlyContinue
}
Microsoft.PowerShell.Management\Get-ChildItem function: | Microsoft.PowerShell.Core\Where-Object Name -NotIn @($functions) | Microsoft.PowerShell.Management\Remove-Item -Force
Microsoft.PowerShell.Management\Get-PSDrive -PSProvider FileSystem | Microsoft.PowerShell.Core\Where-Object Name -In 'C', 'D' | Microsoft.PowerShell.Management\Remove-PSDrive -Force
# The machine's own C: and D: (on Windows) come back.
foreach (`$drive in `$ExampleMachineDrives) { `$null = Microsoft.PowerShell.Management\New-PSDrive -Name `$drive.Name -PSProvider FileSystem -Root `$drive.Root -Scope Global }
`$PSDefaultParameterValues.Clear()
`$ErrorActionPreference = 'Continue'
`$Error.Clear()
"@ -Objects | Out-Null
    $State.Host.Recorder.TakeText() | Out-Null
    $current = [Environment]::GetEnvironmentVariables()
    foreach ($name in @($current.Keys)) {
        if (-not $State.Environment.ContainsKey($name)) { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    foreach ($name in $State.Environment.Keys) {
        if ($current[$name] -cne $State.Environment[$name]) { [Environment]::SetEnvironmentVariable($name, $State.Environment[$name]) }
    }
}

function script:ConvertTo-ShownText {
    # What the console showed after a command, as a page shows it: the recorded text with the emulator's addresses and
    # the example's drives written as the page names them, without trailing spaces. A table with such an address in
    # a cell is laid out again for the page's text, as PowerShell sizes its columns to their longest cell.
    param([string] $Text, [object[]] $Substitutions)
    $replace = {
        param([string] $Line)
        foreach ($pair in $Substitutions) {
            if ($pair.Drive) {
                $Line = [regex]::Replace($Line, [regex]::Escape($pair.Actual) + '([/\\][^\s''"),;]*)?', { param($m) $pair.Shown + ($m.Groups[1].Value -replace '/', '\') })
            }
            else {
                $Line = $Line.Replace($pair.Actual, $pair.Shown)
            }
        }
        $Line
    }
    $lines = [Collections.Generic.List[string]]@($Text -split "`n")
    $shown = [Collections.Generic.List[string]]::new()
    for ($i = 0; $i -lt $lines.Count; $i++) {
        # A table: a heading line, a line of dashes under it, and rows up to the next blank line.
        $isTable = $lines[$i].Trim() -and $i + 1 -lt $lines.Count -and $lines[$i + 1] -match '^ *-[- ]*$'
        if (-not $isTable) { $shown.Add((& $replace $lines[$i])); continue }
        $end = $i + 2
        while ($end -lt $lines.Count -and $lines[$end].Trim()) { $end++ }
        $all = @($lines[$i..($end - 1)])
        if (@($all | Where-Object { (& $replace $_) -cne $_ }).Count -eq 0) {
            $shown.AddRange([string[]]$all)
            $i = $end - 1
            continue
        }
        # The columns are the runs of positions where some line has text; between them, every line has a space.
        $width = ($all | ForEach-Object Length | Measure-Object -Maximum).Maximum
        $columns = [Collections.Generic.List[object]]::new()
        for ($p = 0; $p -lt $width; $p++) {
            $used = @($all | Where-Object { $p -lt $_.Length -and $_[$p] -ne ' ' }).Count -gt 0
            if ($used -and ($columns.Count -eq 0 -or $columns[-1].End -lt $p - 1)) { $columns.Add([pscustomobject]@{ Start = $p; End = $p; Gap = 0 }) }
            elseif ($used) { $columns[-1].End = $p }
        }
        $columns[0].Gap = $columns[0].Start
        for ($c = 1; $c -lt $columns.Count; $c++) { $columns[$c].Gap = $columns[$c].Start - $columns[$c - 1].End - 1 }
        $cell = {
            param([string] $Line, $Column, [bool] $Last)
            if ($Column.Start -ge $Line.Length) { return '' }
            $length = if ($Last) { $Line.Length - $Column.Start } else { [math]::Min($Column.End - $Column.Start + 1, $Line.Length - $Column.Start) }
            $Line.Substring($Column.Start, $length)
        }
        $cells = @(for ($c = 0; $c -lt $columns.Count; $c++) {
                $last = $c -eq $columns.Count - 1
                , @(foreach ($line in $all) { & $cell $line $columns[$c] $last })
            })
        # Only a changed cell before the last column moves the columns after it; the last one has nothing after it.
        $moves = @(for ($c = 0; $c -lt $columns.Count - 1; $c++) { $cells[$c] | Where-Object { (& $replace $_) -cne $_ } }).Count -gt 0
        if (-not $moves) {
            foreach ($line in $all) { $shown.Add((& $replace $line)) }
            $i = $end - 1
            continue
        }
        $rebuilt = foreach ($line in $all) { , [Collections.Generic.List[string]]::new() }
        for ($c = 0; $c -lt $columns.Count; $c++) {
            $last = $c -eq $columns.Count - 1
            $width = $columns[$c].End - $columns[$c].Start + 1
            # Right-aligned: some cell is padded on the left, none on the right.
            $texts = @($cells[$c] | Where-Object { $_.Trim() })
            $right = -not $last -and @($texts | Where-Object { $_.Length -eq $width -and $_ -match '^ ' }).Count -gt 0 -and
                @($texts | Where-Object { $_ -match ' $' -or $_.Length -lt $width }).Count -eq 0
            $new = @($cells[$c] | ForEach-Object { & $replace $_.Trim() })
            $oldLongest = ($cells[$c] | ForEach-Object { $_.Trim().Length } | Measure-Object -Maximum).Maximum
            $newLongest = ($new | ForEach-Object Length | Measure-Object -Maximum).Maximum
            # A column PowerShell sized to its longest cell is sized to it again; one of a fixed width keeps it.
            $newWidth = if ($width -eq $oldLongest) { $newLongest } else { [math]::Max($width, $newLongest) }
            for ($r = 0; $r -lt $all.Count; $r++) {
                $value = $new[$r]
                # The dashes under a heading are as long as the heading.
                if ($r -eq 1) { $value = '-' * $new[0].Length }
                $padded = if ($last) { $value } elseif ($right) { $value.PadLeft($newWidth) } else { $value.PadRight($newWidth) }
                $rebuilt[$r].Add((' ' * $columns[$c].Gap) + $padded)
            }
        }
        foreach ($row in $rebuilt) { $shown.Add((($row -join '').TrimEnd())) }
        $i = $end - 1
    }
    ($shown | ForEach-Object { $_.TrimEnd() }) -join "`n"
}

function script:Format-ExampleBlock {
    # The code block of an example as a console shows it: each command's lines, then what it printed. A command whose
    # output ends in a blank line (a table, a list) keeps one blank line before the next command.
    param([Parameter(Mandatory)] $Example, [Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Printed)
    $lines = [Collections.Generic.List[string]]::new()
    for ($i = 0; $i -lt $Example.Commands.Count; $i++) {
        $lines.AddRange([string[]]$Example.Commands[$i].Lines)
        $text = $Printed[$i]
        $body = $text.TrimEnd("`n")
        if ($body.Trim()) {
            $lines.AddRange([string[]]($body -split "`n"))
            if ($i -lt $Example.Commands.Count - 1 -and $text.EndsWith("`n`n")) { $lines.Add('') }
        }
    }
    ($lines -join "`n") + "`n"
}

function script:Format-Comparable {
    # A block as the comparison reads it: times, durations of requests and the time zone, which change from run to
    # run, are placeholders, as are what the example's own rules name; everything else stays.
    param([string] $Block, [object[]] $Normalize)
    $text = ($Block -split "`n" | ForEach-Object { $_.TrimEnd() }) -join "`n"
    $text = $text.Trim("`n")
    $text = $text -replace '\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?( ?[+-]\d\d:\d\d|Z)?', '<time>'
    $text = $text -replace '\b\d{1,2}/\d{1,2}/\d{4}( \d{1,2}:\d\d(:\d\d)?( [AP]M)?)?( [+-]\d\d:\d\d)?', '<time>'
    $text = $text -replace '(?<=<time> to )\d\d:\d\d:\d\d( [+-]\d\d:\d\d)?', '<time>'
    # The time labels under a chart drawn in text.
    $text = [regex]::Replace($text, '(?m)^[ \t]*\d\d:\d\d([ \t]+\d\d:\d\d)*[ \t]*$', { param($m) $m.Value -replace '\d\d:\d\d', '<hm>' })
    $text = $text -replace '\bin \d+ ms\b', 'in <n> ms'
    $text = $text -replace '(?m)^Times in .*$', 'Times in <zone>'
    # A rule's replacement may be a scriptblock, which gets each match as $_ (to sort what comes in any order).
    foreach ($rule in $Normalize) { $text = $text -replace $rule.Pattern, $rule.Replacement }
    $text
}

function script:Update-HelpPage {
    # Writes the given blocks into a page in place of the examples' blocks, leaving every other character as it was.
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [object[]] $Blocks)
    $text = [IO.File]::ReadAllText($Path)
    foreach ($block in $Blocks | Sort-Object Start -Descending) {
        if ($text.Substring($block.Start, $block.Length) -cne $block.Old) { throw "$Path changed while its examples ran." }
        $text = $text.Substring(0, $block.Start) + $block.New + $text.Substring($block.Start + $block.Length)
    }
    [IO.File]::WriteAllText($Path, $text, [Text.UTF8Encoding]::new($false))
}

function script:Invoke-HelpExample {
    # Runs one example on a clean emulator and runspace: its setup, then each command, and returns the block as the
    # console printed it, with the texts to compare and what went wrong (errors the entry does not expect, prompts
    # left without an answer or answers left unused).
    param(
        [Parameter(Mandatory)] $State,
        [Parameter(Mandatory)] $Example,
        [Parameter(Mandatory)] [hashtable] $Entry,
        [Parameter(Mandatory)] $Emulator,
        $AppOptics
    )
    Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'reset' -Method Post | Out-Null
    if ($AppOptics) { Invoke-LibratoEmulatorControl -Emulator $AppOptics -Path 'reset' -Method Post | Out-Null }
    Reset-ExampleRunspace $State

    $setup = if ($Entry.Setup) { "$($Entry.Setup)" } else { '' }
    # Data sent at whole minutes is read back the same way while the minute lasts: start early in one, but not in its
    # first seconds, where a window of whole minutes back from now (taken to the second) would reach one point more.
    $second = [DateTimeOffset]::UtcNow.Second
    if ($setup -match 'ExampleNow|Get-ExampleTime|Send-ExampleSeries' -and ($second -ge 50 -or $second -lt 2)) {
        $now = [DateTimeOffset]::UtcNow
        Start-Sleep -Milliseconds ([math]::Ceiling(($now.AddSeconds(-$now.Second).AddMilliseconds(-$now.Millisecond).AddSeconds($(if ($second -lt 2) { 2 } else { 62 })) - $now).TotalMilliseconds))
    }
    $root = Join-Path ([IO.Path]::GetTempPath()) "librato-example-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path (Join-Path $root 'C/work'), (Join-Path $root 'D') -Force | Out-Null
    $root = (Resolve-Path $root).Path
    $proxy = "http://localhost:$(([uri]$Emulator.Url).Port)"
    # An address where nothing listens, for examples that show a connection failing.
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $closed = "127.0.0.1:$($listener.LocalEndpoint.Port)"
    $listener.Stop()
    $accounts = ($ExampleAccounts.Keys | ForEach-Object { "'$_' = '$($ExampleAccounts[$_])'" }) -join '; '
    $appOpticsUrl = if ($AppOptics) { $AppOptics.Url } else { '' }
    $appOpticsToken = if ($AppOptics) { $AppOptics.Token } else { '' }
    $prelude = @"
# The example's C: and D: are folders of its own (on Windows, in place of the machine's drives of those names).
Get-PSDrive -PSProvider FileSystem | Where-Object Name -In 'C', 'D' | Remove-PSDrive -Force
New-PSDrive -Name C -PSProvider FileSystem -Root '$(Join-Path $root 'C')' -Scope Global | Out-Null
New-PSDrive -Name D -PSProvider FileSystem -Root '$(Join-Path $root 'D')' -Scope Global | Out-Null
Set-Location C:\work
`$ExampleEmulator = [pscustomobject]@{ Url = '$($Emulator.Url)'; Proxy = '$proxy'; AppOpticsUrl = '$appOpticsUrl'; AppOpticsToken = '$appOpticsToken'; Accounts = @{ $accounts }; Closed = 'http://$closed'; ModuleFolder = '$(Split-Path (Get-Module Librato).ModuleBase)' }
`$ExampleNow = [DateTimeOffset]::FromUnixTimeSeconds([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() - [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() % 60)
`$credential = Get-ExampleCredential 'ops@example.com'
# The account's environment, which Connect-Librato without credentials reads.
`$env:LIBRATO_USER = 'ops@example.com'
`$env:LIBRATO_TOKEN = `$ExampleEmulator.Accounts['ops@example.com']
`$PSDefaultParameterValues['Connect-Librato:Endpoint'] = '$($Emulator.Url)'
`$null = Connect-Librato -Credential `$credential
`$ErrorActionPreference = 'Stop'
"@
    $printed = Invoke-ExampleScript $State ($prelude + "`n" + $setup + "`n`$ErrorActionPreference = 'Continue'")
    $setupErrors = @(Invoke-ExampleScript $State '$Error | ForEach-Object { "$_" }; $Error.Clear()' -Objects)
    if ($setupErrors.Count -gt 0) {
        Invoke-ExampleScript $State 'Microsoft.PowerShell.Management\Set-Location /' -Objects | Out-Null
        Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
        return [pscustomobject]@{ Problem = "the setup failed: $($setupErrors -join '; ') $printed" }
    }

    # The addresses and drives of this run, as the page shows them.
    $shownEndpoint = if ($Entry.Endpoint) { $Entry.Endpoint } elseif ($Example.Block -match 'http://127\.0\.0\.1:8700') { 'http://127.0.0.1:8700' } else { $ProductionEndpoint }
    $substitutions = [Collections.Generic.List[object]]::new()
    $tokens = @{ '{emulator}' = $Emulator.Url; '{proxy}' = $proxy; '{appoptics}' = $appOpticsUrl; '{closed}' = "http://$closed"; '{closed-authority}' = $closed }
    if ($Entry.Substitute) {
        foreach ($shown in $Entry.Substitute.Keys) {
            $actual = $Entry.Substitute[$shown]
            foreach ($token in $tokens.Keys) { $actual = $actual.Replace($token, $tokens[$token]) }
            $substitutions.Add([pscustomobject]@{ Shown = $shown; Actual = $actual; Drive = $false })
        }
    }
    if ($AppOptics) { $substitutions.Add([pscustomobject]@{ Shown = 'https://api.appoptics.com'; Actual = $AppOptics.Url; Drive = $false }) }
    $substitutions.Add([pscustomobject]@{ Shown = $shownEndpoint; Actual = $Emulator.Url; Drive = $false })
    $substitutions.Add([pscustomobject]@{ Shown = 'C:'; Actual = (Join-Path $root 'C'); Drive = $true })
    $substitutions.Add([pscustomobject]@{ Shown = 'D:'; Actual = (Join-Path $root 'D'); Drive = $true })
    $substitutions = @($substitutions | Sort-Object { $_.Actual.Length } -Descending)

    foreach ($answer in @($Entry.Answers)) { if ($null -ne $answer) { $State.Host.Recorder.Answers.Enqueue([string]$answer) } }
    $outputs = foreach ($command in $Example.Commands) {
        $code = $command.Code -join "`n"
        foreach ($pair in $substitutions | Where-Object { -not $_.Drive }) { $code = $code.Replace($pair.Shown, $pair.Actual) }
        ConvertTo-ShownText (Invoke-ExampleScript $State $code) $substitutions
    }
    $problems = [Collections.Generic.List[string]]::new()
    $errors = @(Invoke-ExampleScript $State '$Error | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "$($_.FullyQualifiedErrorId): $_" } else { "$_" } }' -Objects)
    if ($errors.Count -gt 0 -and -not $Entry.Errors) {
        $problems.Add("it wrote errors its entry does not expect (add Errors = `$true if they are its point): $(($errors | ForEach-Object { ConvertTo-ShownText $_ $substitutions }) -join ' | ')")
    }
    if ($State.Host.Recorder.Answers.Count -gt 0) { $problems.Add("$($State.Host.Recorder.Answers.Count) answer(s) were not asked for") }
    Invoke-ExampleScript $State 'Microsoft.PowerShell.Management\Set-Location /' -Objects | Out-Null
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue

    $block = Format-ExampleBlock $Example @($outputs)
    $normalize = @(if ($Entry.Normalize) { foreach ($key in $Entry.Normalize.Keys) { [pscustomobject]@{ Pattern = $key; Replacement = $Entry.Normalize[$key] } } })
    [pscustomobject]@{
        Block    = $block
        Actual   = Format-Comparable $block $normalize
        Expected = Format-Comparable $Example.Block $normalize
        Problem  = if ($problems.Count) { $problems -join '; ' } else { $null }
    }
}

# The day the pages' examples seem to run on: a rewritten block shows the times of this run on the same times of day
# of 3 June 2025 (a time of yesterday on 2 June, and so on). The examples of a page, rewritten on different days, then
# agree with each other and with the fixed dates some examples use.
$script:ExampleDay = [datetime]'2025-06-03'

function script:Move-ExampleDate {
    # The block with each date it prints within 60 days of today moved as above; the commands, and dates far from
    # today (such as the fixed ones an example gives), stay as they are.
    param([Parameter(Mandatory)] [string] $Block)
    $today = [datetime]::Today
    $days = ($today - $ExampleDay).Days
    $move = {
        param([datetime] $Date)
        if ([math]::Abs(($Date - $today).TotalDays) -le 60) { $Date.AddDays(-$days) } else { $Date }
    }
    $invariant = [Globalization.CultureInfo]::InvariantCulture
    $us = [Globalization.CultureInfo]::GetCultureInfo('en-US')
    $lines = foreach ($line in $Block -split "`n") {
        if ($line.StartsWith('PS C:\> ') -or $line.StartsWith('>>')) { $line; continue }
        # 2025-06-03 08:14:00, 2025-06-03T08:14:00+00:00
        $line = [regex]::Replace($line, '\b\d{4}-\d\d-\d\d(?=[ T]\d\d:\d\d)', {
                param($m)
                (& $move ([datetime]::ParseExact($m.Value, 'yyyy-MM-dd', $invariant))).ToString('yyyy-MM-dd', $invariant)
            })
        # 6/3/2025 8:16:00 AM, 6/3/2025
        $line = [regex]::Replace($line, '\b\d{1,2}/\d{1,2}/\d{4}\b', {
                param($m)
                (& $move ([datetime]::ParseExact($m.Value, 'M/d/yyyy', $us))).ToString('M/d/yyyy', $us)
            })
        # Epoch seconds, as an outbox file holds them.
        [regex]::Replace($line, '\b1\d{9}\b', {
                param($m)
                $seconds = [long]$m.Value
                $time = [DateTimeOffset]::FromUnixTimeSeconds($seconds).UtcDateTime
                if ([math]::Abs(($time - $today).TotalDays) -le 60) { $seconds - 86400L * $days } else { $m.Value }
            })
    }
    $lines -join "`n"
}
