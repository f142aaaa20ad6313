# The API token never shows: not in output, verbose or debug messages, errors, serialized sessions, or the
# emulator's request log.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Secret = 'tok' + [guid]::NewGuid().ToString('N')
    $script:Email = 'secret-test@example.com'
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -Email $Email -Token $Secret
    $script:Encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Email):$Secret"))
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'The API token stays secret' {
    It 'appears in no stream of any command, success or failure' {
        $token = ConvertTo-SecureString $Secret -AsPlainText -Force
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 1; match = @{ method = 'POST' } }
        $everything = & {
            $s = Connect-Librato -Email $Email -Token $token -Endpoint $Emulator.Url -MaxRetries 1 -MaxRetryDelaySec 1 -PassThru -Verbose -Debug
            $s
            $s | Format-List * | Out-String
            $s | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            [System.Management.Automation.PSSerializer]::Serialize($s, 4)
            Send-LibratoMetric -Name secret.metric -Value 1 -Verbose -Debug
            Get-LibratoMetric -Verbose -Debug
            Get-LibratoMetric no.such.metric -Verbose -Debug -ErrorAction Continue
            try { Connect-Librato -Email $Email -Token (ConvertTo-SecureString ($Secret + 'x') -AsPlainText -Force) -Endpoint $Emulator.Url -Verbose -Debug } catch { $_ }
            Connect-Librato -Email $Email -Token (ConvertTo-SecureString ($Secret + 'x') -AsPlainText -Force) -Endpoint $Emulator.Url -SkipCredentialCheck
            try { Get-LibratoMetric -Verbose -Debug } catch { $_ }
        } *>&1 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); $_ | Format-List * -Force | Out-String }
            elseif ($_ -is [string]) { $_ }
            else { $_ | Out-String }
        }
        $text = $everything -join "`n"
        $text | Should -Match 'POST'
        $text | Should -Match '401'
        $text | Should -Not -Match $Secret
        $text | Should -Not -Match ([regex]::Escape($Encoded))
    }

    It 'is not in the emulator request log' {
        $log = Invoke-RestMethod "$($Emulator.Url)/_emulator/requests" | ConvertTo-Json -Depth 6
        $log | Should -Match 'secret.metric'
        $log | Should -Not -Match $Secret
        $log | Should -Not -Match ([regex]::Escape($Encoded))
    }
}
