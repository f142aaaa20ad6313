# How the staged emulator is configured to run: it shares the machine's cores with the client it serves (a test
# run, a benchmark, a user's runbook), so it must not spend them waiting busily.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Config = (Get-Content -Raw -LiteralPath (Join-Path $EmulatorPath 'Librato.Emulator.runtimeconfig.json') | ConvertFrom-Json).runtimeOptions.configProperties
}

Describe 'The staged emulator''s runtime settings' {
    It 'lets idle thread-pool workers sleep at once instead of spinning' {
        $Config.'System.Threading.ThreadPool.UnfairSemaphoreSpinLimit' | Should -Be 0
    }

    It 'uses the workstation collector, not a heap and a collector thread per core' {
        $Config.'System.GC.Server' | Should -BeFalse
        $Config.PSObject.Properties.Name | Should -Contain 'System.GC.Server'
    }
}
