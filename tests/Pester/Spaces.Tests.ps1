BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ResourceHelpers.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Get-StoredSpaces {
        (Invoke-EmulatorApi $Emulator 'spaces').spaces
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'The README''s space examples' {
    BeforeAll { Reset-Emulator $Emulator }

    It 'creates a space directly' {
        $space = New-LibratoSpace space_name
        "Created '$($space.Name)'" | Should -Be "Created 'space_name'"
        $space | Should -BeOfType ([Librato.Api.LibratoSpace])
        (Get-StoredSpaces | Where-Object name -EQ 'space_name').id | Should -Be $space.Id
    }

    It 'creates a space from a name object, as the model form does' {
        [pscustomobject]@{ Name = 'Production' } | New-LibratoSpace | Out-Null
        (Get-StoredSpaces).name | Should -Contain 'Production'
    }

    It 'lists spaces' {
        $spaces = Get-LibratoSpace
        $spaces.Name | Should -Be @('Production', 'space_name')
    }

    It 'finds a space by its name' {
        $space = Get-LibratoSpace Production
        $space.Name | Should -Be 'Production'
        $space.Id | Should -Be (Get-StoredSpaces | Where-Object name -EQ 'Production').id
    }

    It 'deletes a space by id, or the space object itself' {
        $space = New-LibratoSpace Test
        Remove-LibratoSpace $space.Id -Force
        (Get-StoredSpaces).name | Should -Not -Contain 'Test'
        $space = New-LibratoSpace Test
        $space | Remove-LibratoSpace -Force
        (Get-StoredSpaces).name | Should -Not -Contain 'Test'
    }
}

Describe 'Get-LibratoSpace' {
    BeforeAll {
        Reset-Emulator $Emulator
        # 150 spaces: more than one page of 100.
        1..150 | ForEach-Object { Invoke-EmulatorApi $Emulator 'spaces' -Method Post -Body @{ name = 'Space {0:000}' -f $_ } | Out-Null }
        $script:Production = Invoke-EmulatorApi $Emulator 'spaces' -Method Post -Body @{ name = 'Production' }
        Invoke-EmulatorApi $Emulator 'spaces' -Method Post -Body @{ name = 'Production copy' } | Out-Null
        $script:Twin1 = Invoke-EmulatorApi $Emulator 'spaces' -Method Post -Body @{ name = 'Twin' }
        $script:Twin2 = Invoke-EmulatorApi $Emulator 'spaces' -Method Post -Body @{ name = 'twin' }
    }

    It 'lists every space across pages' {
        Get-LibratoSpace | Should -HaveCount 154
        (Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/spaces' }).Count | Should -BeGreaterOrEqual 2
    }

    It 'filters by a wildcard pattern, ignoring case' {
        (Get-LibratoSpace 'space 1[0-4]?') | Should -HaveCount 50
        (Get-LibratoSpace 'prod*').Name | Should -Be @('Production', 'Production copy')
    }

    It 'finds by exact name, ignoring case but not matching parts of names' {
        $found = Get-LibratoSpace PRODUCTION
        $found | Should -HaveCount 1
        $found.Id | Should -Be $Production.id
        (Get-LibratoSpace twin).Id | Sort-Object | Should -Be @($Twin1.id, $Twin2.id)
        (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/spaces' | Select-Object -Last 1).query | Should -Match 'name=twin'
    }

    It 'gets spaces by id, also from objects with an Id or SpaceId' {
        (Get-LibratoSpace -Id $Production.id).Name | Should -Be 'Production'
        (Get-LibratoSpace Production | Get-LibratoSpace).Id | Should -Be $Production.id
        ([pscustomobject]@{ SpaceId = $Twin1.id } | Get-LibratoSpace).Name | Should -Be 'Twin'
        # A chart has an Id of its own: the space is its SpaceId.
        $chart = Add-LibratoChart c -Space $Twin2.id
        $chart.Id | Should -Not -Be $Twin2.id
        ($chart | Get-LibratoSpace).Id | Should -Be $Twin2.id
        ($Production.id | Get-LibratoSpace).Name | Should -Be 'Production'
        ('Production', 'twin' | Get-LibratoSpace) | Should -HaveCount 3
    }

    It 'reports a missing name or id with Librato.SpaceNotFound and goes on' {
        $found = Get-LibratoSpace 'No such space', Production -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'Production'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject.Name | Should -Be 'No such space'
        Get-LibratoSpace -Id 99999 -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
        $errs2[0].Exception.Message | Should -Be 'There is no space with id 99999.'
        Get-LibratoSpace 'nothing*' -ErrorVariable errs3 | Should -BeNullOrEmpty
        $errs3 | Should -BeNullOrEmpty
    }

    It 'fails when not connected' {
        { Get-LibratoSpace -Session $null } | Should -Throw
        $session = Get-LibratoSession
        Disconnect-Librato
        try {
            { Get-LibratoSpace -ErrorAction Stop } | Should -Throw -ErrorId 'Librato.NotConnected*'
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }
}

Describe 'New-LibratoSpace' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'creates spaces from the pipeline and sends the tagged flag only when given' {
        'One', 'Two' | New-LibratoSpace | Select-Object -ExpandProperty Name | Should -Be @('One', 'Two')
        $tagged = New-LibratoSpace Tagged -Tagged
        $tagged.Tags | Should -BeTrue
        $bodies = Get-RequestBody $Emulator POST '/v1/spaces'
        $bodies[0].PSObject.Properties.Name | Should -Be 'name'
        $bodies[2].tags | Should -BeTrue
    }

    It 'creates nothing with -WhatIf' {
        New-LibratoSpace Nothing -WhatIf
        Get-StoredSpaces | Should -BeNullOrEmpty
    }

    It 'reports what the API refuses' {
        New-LibratoSpace ('x' * 255) | Out-Null
        { New-LibratoSpace ('x' * 256) } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Set-LibratoSpace' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Space = New-LibratoSpace Staging
    }

    It 'renames a space given by name, id or object' {
        Set-LibratoSpace Staging -NewName 'Staging 2'
        (Get-StoredSpaces).name | Should -Be 'Staging 2'
        Set-LibratoSpace $Space.Id 'Staging 3'
        (Get-StoredSpaces).name | Should -Be 'Staging 3'
        $renamed = $Space | Set-LibratoSpace -NewName 'Staging 4' -PassThru
        $renamed.Name | Should -Be 'Staging 4'
        $renamed.Id | Should -Be $Space.Id
        (Get-RequestBody $Emulator PUT "/v1/spaces/$($Space.Id)")[-1].name | Should -Be 'Staging 4'
    }

    It 'refuses a name that several spaces have' {
        New-LibratoSpace Staging -Force | Out-Null
        Set-LibratoSpace Staging -NewName x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AmbiguousSpace*'
        $errs[0].Exception.Message | Should -Match '2 spaces are named'
        (Get-StoredSpaces).name | Should -Be @('Staging', 'Staging')
    }

    It 'changes nothing with -WhatIf and reports a missing space' {
        Set-LibratoSpace Staging -NewName x -WhatIf
        (Get-StoredSpaces).name | Should -Be 'Staging'
        Set-LibratoSpace 4242 -NewName x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
    }

    It 'refuses what cannot name a space' {
        { Set-LibratoSpace -Space (Get-Date) -NewName x } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
    }
}

Describe 'Remove-LibratoSpace' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Keep = New-LibratoSpace Keep
        $script:Old = New-LibratoSpace Old
        Add-LibratoChart cpu -Space $Old | Out-Null
    }

    It 'removes spaces piped in, with their charts' {
        Get-LibratoSpace Old | Remove-LibratoSpace -Force
        (Get-StoredSpaces).name | Should -Be 'Keep'
        { Invoke-EmulatorApi $Emulator "spaces/$($Old.Id)/charts" } | Should -Throw
    }

    It 'is a high-impact change: -WhatIf removes nothing' {
        (Get-Command Remove-LibratoSpace).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Remove-LibratoSpace Old -WhatIf
        Remove-LibratoSpace Old -Force -WhatIf
        (Get-StoredSpaces).name | Should -Contain 'Old'
        Remove-LibratoSpace Old -Confirm:$false
        (Get-StoredSpaces).name | Should -Not -Contain 'Old'
    }

    It 'reports a missing space and goes on' {
        Remove-LibratoSpace 98765, Old -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
        (Get-StoredSpaces).name | Should -Be 'Keep'
    }
}

Describe 'Space name completion' {
    BeforeAll {
        Reset-Emulator $Emulator
        'Production', 'Production EU', 'Staging', 'My Production' | New-LibratoSpace | Out-Null
    }

    It 'completes space names containing what was typed, prefix matches first, quoted when needed' {
        Get-Completion 'Get-LibratoSpace Prod' | Should -Be @('Production', "'Production EU'", "'My Production'")
        Get-Completion 'Get-LibratoChart -Space Sta' | Should -Be 'Staging'
        Get-Completion 'Remove-LibratoSpace ' | Should -HaveCount 4
        Get-Completion 'Add-LibratoChart x -RelatedSpace stag' | Should -Be 'Staging'
        Get-Completion 'Export-LibratoSpace Stag' | Should -Be 'Staging'
    }

    It 'caches names per session and forgets them when the module changes spaces' {
        Get-Completion 'Set-LibratoSpace ' | Should -HaveCount 4
        Invoke-EmulatorApi $Emulator 'spaces' -Method Post -Body @{ name = 'Made elsewhere' } | Out-Null
        Get-Completion 'Set-LibratoSpace ' | Should -HaveCount 4
        New-LibratoSpace 'Made here' | Out-Null
        Get-Completion 'Set-LibratoSpace ' | Should -HaveCount 6
    }

    It 'uses the session given on the command line' {
        $other = Connect-TestEmulator $Emulator
        Connect-TestEmulator $Emulator | Out-Null
        Disconnect-Librato
        try {
            Get-Completion 'Get-LibratoSpace Stag' | Should -BeNullOrEmpty
            Get-Completion 'Get-LibratoSpace -Session $other Stag' | Should -Be 'Staging'
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }

    It 'is silent when not connected' {
        Disconnect-Librato
        try {
            Get-Completion 'Get-LibratoSpace Prod' | Should -BeNullOrEmpty
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }
}
