BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function script:Get-ReadmeExample {
        # The README's reading example: each 'PS> ' command with the text printed after it.
        $text = Get-Content -Raw (Join-Path $RepoRoot 'README.md')
        $block = [regex]::Match($text, '(?s)<!-- read-example:begin -->\s*```powershell\r?\n(.*?)```\s*<!-- read-example:end -->').Groups[1].Value
        $steps = [System.Collections.Generic.List[object]]::new()
        foreach ($line in $block -split "\r?\n") {
            if ($line.StartsWith('PS> ')) { $steps.Add([pscustomobject]@{ Command = $line.Substring(4); Printed = [System.Collections.Generic.List[string]]::new() }) }
            elseif ($steps.Count -gt 0) { $steps[-1].Printed.Add($line) }
        }
        $steps
    }

    function script:Format-Printed {
        # Times change from run to run and zones from machine to machine; the rest must match as printed.
        param([string[]] $Lines)
        $text = (($Lines | ForEach-Object TrimEnd) -join "`n") -replace '^\n+|\n+$', ''
        $text = $text -replace '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d( [+-]\d\d:\d\d)?', '<time>'
        $text -replace '(?m)^Times in .*$', 'Times in <zone>'
    }
}

Describe 'The README reading example' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator
        Connect-TestEmulator $Emulator | Out-Null
        $script:Steps = @(Get-ReadmeExample)
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    It 'is in the README' {
        $Steps.Count | Should -BeGreaterThan 4
    }

    It 'prints what the README shows, step by step' {
        foreach ($step in $Steps) {
            $results = @(Invoke-Expression $step.Command 3>&1)
            $printed = foreach ($warning in $results | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) { "WARNING: $($warning.Message)" }
            $objects = @($results | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
            if ($objects) { $printed = @($printed) + (($objects | Out-String -Width 120) -split "\r?\n") }
            Format-Printed $printed | Should -BeExactly (Format-Printed $step.Printed) -Because "the README shows what '$($step.Command)' prints"
        }
    }
}
