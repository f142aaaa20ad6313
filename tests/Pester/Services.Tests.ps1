BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Clear-EmulatorRequests {
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'requests' -Method Delete | Out-Null
    }

    function script:Read-EmulatorService {
        # Reads a service straight from the emulator's API, bypassing the module.
        param([long] $Id)
        $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Emulator.Email):$($Emulator.Token)"))
        Invoke-RestMethod -Uri "$($Emulator.Url)/v1/services/$Id" -Headers @{ Authorization = "Basic $pair" }
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'New-LibratoService' {
    BeforeAll { Reset-Emulator $Emulator }

    It 'creates a service and returns it typed' {
        $s = New-LibratoService -Title 'Ops mail' -Type mail -Settings @{ addresses = 'ops@example.com,dev@example.com' }
        $s | Should -BeOfType ([Librato.Api.LibratoService])
        $s.Id | Should -BeGreaterThan 0
        $s.Title | Should -Be 'Ops mail'
        $s.Type | Should -Be 'mail'
        $s.Settings['addresses'] | Should -Be 'ops@example.com,dev@example.com'
        $stored = Read-EmulatorService $s.Id
        $stored.title | Should -Be 'Ops mail'
        $stored.settings.addresses | Should -Be 'ops@example.com,dev@example.com'
    }

    It 'takes positional title, type and settings and sends the type in lower case' {
        $s = New-LibratoService ops-slack Slack @{ url = 'https://hooks.example.com/T0/B0' }
        (Read-EmulatorService $s.Id).type | Should -Be 'slack'
    }

    It 'changes nothing with -WhatIf (it only reads whether the title is taken)' {
        Clear-EmulatorRequests
        New-LibratoService -Title nothing -Type mail -Settings @{ addresses = 'a@example.com' } -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequests $Emulator | Where-Object method -NE 'GET' | Should -BeNullOrEmpty
    }

    It 'reports what the API refuses with Librato.InvalidRequest' {
        New-LibratoService -Title bad -Type 'not a type!' -Settings @{} -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidRequest*'
        $errs[0].TargetObject | Should -Be 'bad'
    }
}

Describe 'Get-LibratoService' {
    BeforeAll {
        Reset-Emulator $Emulator
        # 130 services: more than one page of 100.
        1..130 | ForEach-Object { New-LibratoService -Title ('svc-{0:000}' -f $_) -Type mail -Settings @{ addresses = "s$_@example.com" } } | Out-Null
        $script:Twin1 = New-LibratoService -Title 'twin' -Type mail -Settings @{ addresses = 'a@example.com' }
        $script:Twin2 = New-LibratoService -Title 'twin' -Type slack -Settings @{ url = 'https://hooks.example.com/x' } -Force
    }

    It 'lists every service across pages, as the original printed id, title and settings' {
        Clear-EmulatorRequests
        $all = Get-LibratoService
        $all | Should -HaveCount 132
        ($all.Id | Select-Object -Unique) | Should -HaveCount 132
        $svc7 = $all | Where-Object Title -EQ 'svc-007'
        $svc7.Id | Should -BeGreaterThan 0
        $svc7.Settings['addresses'] | Should -Be 's7@example.com'
        $pages = Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/services' }
        $pages | Should -HaveCount 2
        $pages[1].query | Should -Match 'offset=100'
    }

    It 'stops reading pages when the pipeline stops' {
        Clear-EmulatorRequests
        Get-LibratoService | Select-Object -First 2 | Should -HaveCount 2
        Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/services' } | Should -HaveCount 1
    }

    It 'returns every service with an exact title, and matches wildcards' {
        $twins = Get-LibratoService -Title TWIN
        $twins | Should -HaveCount 2
        $twins.Id | Should -Be @($Twin1.Id, $Twin2.Id)
        (Get-LibratoService 'svc-12*').Title | Should -Be @('svc-120', 'svc-121', 'svc-122', 'svc-123', 'svc-124', 'svc-125', 'svc-126', 'svc-127', 'svc-128', 'svc-129')
        Get-LibratoService 'nothing*' | Should -BeNullOrEmpty
    }

    It 'reports an unknown exact title with Librato.ServiceNotFound and goes on' {
        $found = Get-LibratoService -Title no-such, twin -ErrorVariable errs -ErrorAction SilentlyContinue
        $found | Should -HaveCount 2
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ServiceNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'no-such'
    }

    It 'gets services by id, from the pipeline too' {
        (Get-LibratoService -Id $Twin2.Id).Type | Should -Be 'slack'
        ($Twin1, $Twin2 | Get-LibratoService).Id | Should -Be @($Twin1.Id, $Twin2.Id)
        Get-LibratoService -Id 999999 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ServiceNotFound*'
        $errs[0].TargetObject | Should -Be 999999
    }
}

Describe 'Set-LibratoService' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Svc = New-LibratoService -Title 'pager' -Type pagerduty -Settings @{ service_key = 'k1'; description = 'ops' }
    }

    It 'merges settings into the current ones and sends the whole service' {
        Clear-EmulatorRequests
        $updated = Set-LibratoService -Id $Svc.Id -Settings @{ service_key = 'k2' } -PassThru
        $updated.Settings['service_key'] | Should -Be 'k2'
        $updated.Settings['description'] | Should -Be 'ops'
        $put = Get-EmulatorRequests $Emulator | Where-Object method -EQ 'PUT'
        $body = $put.body | ConvertFrom-Json
        $body.title | Should -Be 'pager'
        $body.type | Should -Be 'pagerduty'
        $body.settings.description | Should -Be 'ops'
        $stored = Read-EmulatorService $Svc.Id
        $stored.settings.service_key | Should -Be 'k2'
        $stored.settings.description | Should -Be 'ops'
    }

    It 'removes a setting given as $null, and replaces them all with -ReplaceSettings' {
        Set-LibratoService $Svc.Id -Settings @{ description = $null }
        (Read-EmulatorService $Svc.Id).settings.PSObject.Properties.Name | Should -Be 'service_key'
        Set-LibratoService $Svc.Id -Settings @{ routing_key = 'r' } -ReplaceSettings
        (Read-EmulatorService $Svc.Id).settings.PSObject.Properties.Name | Should -Be 'routing_key'
    }

    It 'renames piped services and keeps their settings' {
        Get-LibratoService pager | Set-LibratoService -Title 'pager (night)'
        $stored = Read-EmulatorService $Svc.Id
        $stored.title | Should -Be 'pager (night)'
        $stored.settings.service_key | Should -Be 'k1'
    }

    It 'refuses to run without a change' {
        $err = { Set-LibratoService -Id $Svc.Id } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.NothingToUpdate*'
    }

    It 'reports an unknown id with Librato.ServiceNotFound' {
        Set-LibratoService -Id 424242 -Title x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ServiceNotFound*'
        $errs[0].TargetObject | Should -Be 424242
    }

    It 'changes nothing with -WhatIf' {
        Set-LibratoService -Id $Svc.Id -Title changed -WhatIf
        (Read-EmulatorService $Svc.Id).title | Should -Be 'pager'
    }
}

Describe 'Remove-LibratoService' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Svc = New-LibratoService -Title 'old hook' -Type webhook -Settings @{ url = 'https://example.com/hook' }
    }

    It 'is a high-impact change with -Force' {
        $meta = Get-Command Remove-LibratoService
        $meta.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $meta.Parameters.Keys | Should -Contain 'Force'
    }

    It 'deletes piped services with -Force and takes them off their alerts' {
        $alert = New-LibratoAlert svc.user -MetricName cpu -Above 1 -Service $Svc
        $alert.Services.Id | Should -Be $Svc.Id
        Get-LibratoService -Id $Svc.Id | Remove-LibratoService -Force
        Get-LibratoService | Should -BeNullOrEmpty
        (Get-LibratoAlert svc.user).Services | Should -BeNullOrEmpty
    }

    It 'keeps the service with -WhatIf, even with -Force' {
        Remove-LibratoService -Id $Svc.Id -WhatIf
        Remove-LibratoService -Id $Svc.Id -Force -WhatIf
        Get-LibratoService | Should -HaveCount 1
    }

    It 'reports an unknown id with Librato.ServiceNotFound' {
        Remove-LibratoService -Id 31337 -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ServiceNotFound*'
        $errs[0].TargetObject | Should -Be 31337
    }
}

Describe 'Service title completion' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'ops@example.com' } | Out-Null
        New-LibratoService -Title 'ops-slack' -Type slack -Settings @{ url = 'https://hooks.example.com/x' } | Out-Null
        New-LibratoService -Title 'dev-slack' -Type slack -Settings @{ url = 'https://hooks.example.com/y' } | Out-Null
    }

    It 'completes titles containing the word, prefix matches first, quoting where needed' {
        $line = 'Get-LibratoService ops'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches |
            Where-Object ResultType -EQ 'ParameterValue'
        $found.CompletionText | Should -Be @("'ops mail'", 'ops-slack')
        $line = 'New-LibratoAlert a -MetricName m -Above 1 -Service slack'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches |
            Where-Object ResultType -EQ 'ParameterValue'
        $found.CompletionText | Should -Be @('dev-slack', 'ops-slack')
    }

    It 'answers a title it completed before from the session''s cache' {
        $line = 'Get-LibratoService dev'
        $listings = { @(Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/services' }).Count }
        ((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Where-Object ResultType -EQ 'ParameterValue').CompletionText | Should -Be 'dev-slack'
        $asked = & $listings
        ((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Where-Object ResultType -EQ 'ParameterValue').CompletionText | Should -Be 'dev-slack'
        & $listings | Should -Be $asked
    }

    It 'completes service types from a fixed list' {
        $line = 'New-LibratoService -Title x -Type pa'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'pagerduty'
    }
}
