# The README's first walk runs as it stands, top to bottom, statement by statement as a console runs what is pasted
# into it, in a fresh pwsh whose current folder holds what a clone holds (the built module, build/ and examples/).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    $text = Get-Content -Raw (Join-Path $RepoRoot 'README.md')
    $script:Walk = [regex]::Match($text, '(?s)<!-- walk:begin -->\s*```powershell\r?\n(.*?)```\s*<!-- walk:end -->').Groups[1].Value

    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) ("readme-walk-" + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Folder | Out-Null
    foreach ($name in 'out', 'build', 'examples') {
        New-Item -ItemType SymbolicLink -Path (Join-Path $Folder $name) -Target (Join-Path $RepoRoot $name) | Out-Null
    }
    Set-Content -LiteralPath (Join-Path $Folder 'walk.ps1') -Value $Walk

    # Each top-level statement runs on its own and is formatted on its own, as at a prompt; errors are counted.
    $runner = @'
$ErrorActionPreference = 'Continue'
$statements = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $PWD 'walk.ps1'), [ref]$null, [ref]$null).EndBlock.Statements
foreach ($statement in $statements) {
    "PS> " + $statement.Extent.Text
    . ([scriptblock]::Create($statement.Extent.Text)) 2>&1 3>&1 | Out-String -Width 120 -Stream
}
"STATEMENTS: $($statements.Count)"
"ERRORS: $($Error.Count)"
$Error | ForEach-Object { "ERROR: $_" }
'@
    Set-Content -LiteralPath (Join-Path $Folder 'run.ps1') -Value $runner
    $script:Printed = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -WorkingDirectory $Folder -File (Join-Path $Folder 'run.ps1') 2>&1 | ForEach-Object { "$_" }
    $script:Exit = $LASTEXITCODE
    $script:Screen = $Printed -join "`n"
}

AfterAll {
    Remove-Item -LiteralPath $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The README walk' {
    It 'is in the README, starts the emulator first and connects to it' {
        $Walk | Should -Not -BeNullOrEmpty
        $lines = @($Walk -split '\r?\n' | Where-Object { $_ -and $_ -notmatch '^\s*#' })
        $lines[0] | Should -BeLike 'Import-Module ./out/Librato/Librato.psd1'
        ($lines | Select-Object -First 4) -join "`n" | Should -Match 'Start-LibratoEmulator[\s\S]*Connect-Librato -Credential \$emulator.Credential -Endpoint \$emulator.Url'
    }

    It 'uses only inputs that exist under examples/' {
        foreach ($path in [regex]::Matches($Walk, '\./examples/[\w.-]+').Value) {
            Join-Path $RepoRoot $path | Should -Exist
        }
    }

    It 'keeps the Windows-only Get-Counter as a comment' {
        $Walk | Should -Match '(?m)^# Windows only'
        $Walk -split '\r?\n' | Where-Object { $_ -match 'Get-Counter' } | ForEach-Object { $_ | Should -Match '^\s*#' }
    }

    It 'runs every statement to the end without an error' {
        $Exit | Should -Be 0
        $Screen | Should -Match 'ERRORS: 0'
        [int]([regex]::Match($Screen, 'STATEMENTS: (\d+)').Groups[1].Value) | Should -BeGreaterThan 25
        $Printed | Where-Object { $_ -like 'ERROR: *' } | Should -BeNullOrEmpty
    }

    It 'prints what the walk promises: the session, the reads, the pictures, the charts and the alert' {
        $Screen | Should -Match 'Librato demo@example\.com http://127\.0\.0\.1:\d+/ accepted'
        $Screen | Should -Match '21\.5 home\.temperature\s+upstairs'
        $Screen | Should -Match 'Average\s+: 22'
        $Screen | Should -Match '(?m)^web3 .*[▁▂▃▄▅▆▇█]{20}.*min 10\.\d+\s+max 89\.\d+'
        $Screen | Should -Match 'cpu\.percent \*'
        $Screen | Should -Match 'memory\.used_mb above 3500'
    }

    It 'leaves the files it writes and stops the emulator' {
        [xml](Get-Content -Raw (Join-Path $Folder 'machines.svg')) | Should -Not -BeNullOrEmpty
        (Get-Content -Raw (Join-Path $Folder 'Production.json') | ConvertFrom-Json).name | Should -Be 'Production'
        $Screen | Should -Not -Match 'not sent|unsent'
    }
}

Describe 'An emulator started from a prompt' {
    It 'is out of reach of the Ctrl+C that interrupts a command at the prompt (a process group and session of its own)' -Skip:$IsWindows {
        $emulator = Start-TestEmulator
        try {
            # Fields 5 and 6 of /proc/<pid>/stat, after the command name in parentheses: process group and session.
            $ids = { param($id) ((Get-Content "/proc/$id/stat" -Raw) -replace '^.*\) ', '' -split ' ')[2, 3] }
            $mine = & $ids $PID
            $its = & $ids $emulator.Process.Id
            $its[0] | Should -Not -Be $mine[0]
            $its[1] | Should -Not -Be $mine[1]
        }
        finally { $emulator | Stop-LibratoEmulator }
        $emulator.Process.HasExited | Should -BeTrue
    }
}
