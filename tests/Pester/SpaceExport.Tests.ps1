BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ResourceHelpers.ps1')
    # One emulator, two accounts: spaces move from A to B.
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -ArgumentList '--user', 'b@example.com', '--token', 'b-token'
    $script:A = $Emulator
    $script:B = Get-EmulatorAccount $Emulator -Email 'b@example.com' -Token 'b-token'
    $script:SessionA = Connect-TestEmulator $A
    $script:SessionB = Connect-TestEmulator $B

    function script:Reset-Account($Account) {
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path "reset?user=$([uri]::EscapeDataString($Account.Email))" -Method Post | Out-Null
    }

    function script:Get-StoredSpace($Account, [string] $Name) {
        $found = @((Invoke-EmulatorApi $Account 'spaces').spaces | Where-Object name -EQ $Name)
        $found | Should -HaveCount 1 -Because "the account $($Account.Email) has one space named '$Name'"
        $found[0]
    }

    function script:Get-StoredCharts($Account, [long] $SpaceId) {
        Invoke-EmulatorApi $Account "spaces/$SpaceId/charts"
    }

    function script:Get-SpaceName($Account, $Id) {
        (Invoke-EmulatorApi $Account "spaces/$Id").name
    }

    function script:Assert-SameCharts($FromAccount, $FromCharts, $ToAccount, $ToCharts, [string] $ImportedAs) {
        # Field by field: every field of every chart and stream but the ids, and related spaces by name. A link to
        # the exported space itself points to the space it was imported as.
        @($ToCharts).Count | Should -Be @($FromCharts).Count
        for ($i = 0; $i -lt @($FromCharts).Count; $i++) {
            $from = @($FromCharts)[$i]
            $to = @($ToCharts)[$i]
            $fields = $from.PSObject.Properties.Name | Where-Object { $_ -ne 'id' }
            ($to.PSObject.Properties.Name | Where-Object { $_ -ne 'id' }) | Should -Be $fields -Because "chart '$($from.name)' has the same fields"
            foreach ($field in $fields) {
                if ($field -eq 'related_space') {
                    $expected = Get-SpaceName $FromAccount $from.related_space
                    if ($ImportedAs -and $expected -eq 'Production') {
                        $expected = $ImportedAs
                    }
                    Get-SpaceName $ToAccount $to.related_space | Should -Be $expected -Because "chart '$($from.name)' links to the same space"
                }
                elseif ($field -eq 'streams') {
                    @($to.streams).Count | Should -Be @($from.streams).Count
                    for ($s = 0; $s -lt @($from.streams).Count; $s++) {
                        $fromStream = @($from.streams)[$s]
                        $toStream = @($to.streams)[$s]
                        $streamFields = $fromStream.PSObject.Properties.Name | Where-Object { $_ -ne 'id' }
                        ($toStream.PSObject.Properties.Name | Where-Object { $_ -ne 'id' }) | Should -Be $streamFields
                        foreach ($streamField in $streamFields) {
                            ($toStream.$streamField | ConvertTo-Json -Depth 5 -Compress) | Should -Be ($fromStream.$streamField | ConvertTo-Json -Depth 5 -Compress) `
                                -Because "stream $s of chart '$($from.name)' keeps $streamField"
                        }
                    }
                }
                else {
                    ($to.$field | ConvertTo-Json -Depth 5 -Compress) | Should -Be ($from.$field | ConvertTo-Json -Depth 5 -Compress) -Because "chart '$($from.name)' keeps $field"
                }
            }
        }
    }

    function script:New-ProductionSpace {
        # Made straight through the emulator's API, so that the source has every chart and stream field whatever the
        # module writes, with links to another space and to itself. Returns the space as the module reads it.
        $databases = Invoke-EmulatorApi $A 'spaces' -Method Post -Body @{ name = 'Databases' }
        $space = Invoke-EmulatorApi $A 'spaces' -Method Post -Body @{ name = 'Production'; tags = $true }
        $charts = @(
            [ordered]@{
                name = 'CPU "busy"'; type = 'line'; min = 0; max = 100; label = 'percent <of> cores'; use_log_yaxis = $false
                related_space = $databases.id
                streams = @(
                    [ordered]@{
                        metric = 'cpu'; source = 'web-*'; group_function = 'breakout'; summary_function = 'max'; name = 'CPU'; color = '#52D74C'
                        units_short = '%'; units_long = 'percent'; min = 0; max = 100; period = 60; transform_function = 'x*100'
                        split_axis = $true; gap_detection = $true; position = 1
                    }
                    [ordered]@{ metric = 'load'; source = '%' }
                )
            }
            [ordered]@{
                name = 'Requests'; type = 'stacked'; use_log_yaxis = $true
                streams = @(
                    [ordered]@{
                        metric = 'requests'; group_function = 'sum'; summary_function = 'sum'; split_axis = $false; gap_detection = $false; position = 2
                        tags = @(
                            [ordered]@{ name = 'environment'; values = @('prod'); grouped = $true }
                            [ordered]@{ name = 'region'; values = @('us-*', 'eu-*') }
                            [ordered]@{ name = 'host'; values = @('%'); dynamic = $true }
                        )
                    }
                )
            }
            [ordered]@{
                name = 'Error rate'; type = 'bignumber'; use_last_value = $true
                thresholds = @([ordered]@{ operator = '>='; value = 0.05; type = 'red' }, [ordered]@{ operator = '>'; value = 0.01; type = 'yellow' })
                streams = @(
                    [ordered]@{
                        composite = 'divide([sum(s("errors", "*")), sum(s("requests", "*"))])'; downsample_function = 'average'
                        summary_function = 'average'; name = 'Error rate'; units_short = '/s'; units_long = 'per second'; color = '#FF0000'
                        min = 0; max = 1; period = 300; transform_function = '(x)'; split_axis = $true; gap_detection = $true; position = 0
                    }
                )
            }
            [ordered]@{ name = 'Overview'; type = 'line'; related_space = $space.id; streams = @([ordered]@{ metric = 'disk.used'; tags = @([ordered]@{ name = 'mount'; values = @('/') }) }) }
            [ordered]@{ name = 'Empty'; type = 'line'; streams = @() }
        )
        foreach ($chart in $charts) {
            Invoke-EmulatorApi $A "spaces/$($space.id)/charts" -Method Post -Body $chart | Out-Null
        }
        Get-LibratoSpace -Id $space.id -Session $SessionA
    }
}

AfterAll {
    Disconnect-Librato
    $SessionA.Dispose()
    $Emulator | Stop-LibratoEmulator
}

Describe 'Export-LibratoSpace and Import-LibratoSpace between two accounts' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:Source = New-ProductionSpace
        New-LibratoSpace Databases -Session $SessionB | Out-Null
    }

    It 'recreates a space in another account with every chart and stream field' {
        $imported = Export-LibratoSpace Production -Session $SessionA | Import-LibratoSpace -Session $SessionB
        $imported | Should -BeOfType ([Librato.Api.LibratoSpace])
        $imported.Name | Should -Be 'Production'
        $target = Get-StoredSpace $B 'Production'
        $target.id | Should -Be $imported.Id
        $target.tags | Should -BeTrue
        $fromCharts = Get-StoredCharts $A $Source.Id
        $toCharts = Get-StoredCharts $B $target.id
        @($fromCharts).Count | Should -Be 5
        Assert-SameCharts $A $fromCharts $B $toCharts
        # Links follow names: to the other account's Databases, and to the new space itself.
        ($toCharts | Where-Object name -EQ 'CPU "busy"').related_space | Should -Be (Get-StoredSpace $B 'Databases').id
        ($toCharts | Where-Object name -EQ 'Overview').related_space | Should -Be $target.id
    }

    It 'writes a readable, stable document without ids' {
        $json = Export-LibratoSpace $Source -Session $SessionA
        $json | Should -BeOfType ([string])
        $again = Export-LibratoSpace $Source.Id -Session $SessionA
        $again | Should -Be $json
        $document = $json | ConvertFrom-Json
        $document.format | Should -Be 'librato.space'
        $document.version | Should -Be 1
        $document.name | Should -Be 'Production'
        $document.tags | Should -BeTrue
        $document.charts.name | Should -Be @('CPU "busy"', 'Requests', 'Error rate', 'Overview', 'Empty')
        $document.charts[0].related_space | Should -Be 'Databases'
        $document.charts[3].related_space | Should -Be 'Production'
        $json | Should -Not -Match '"id"'
        $json | Should -Match 'percent <of> cores'
        $json | Should -Match 'CPU \\"busy\\"'
    }

    It 'refuses to import over an existing space without -Replace, and imports under another name' {
        $json = Export-LibratoSpace Production -Session $SessionA
        $json | Import-LibratoSpace -Session $SessionB -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceExists*'
        $errs[0].TargetObject.Name | Should -Be 'Production'
        $copy = $json | Import-LibratoSpace -Session $SessionB -Name 'Production (copy)'
        $copy.Name | Should -Be 'Production (copy)'
        $charts = Get-StoredCharts $B $copy.Id
        Assert-SameCharts $A (Get-StoredCharts $A $Source.Id) $B $charts -ImportedAs 'Production (copy)'
        # The chart that linked to its own space links to the copy.
        ($charts | Where-Object name -EQ 'Overview').related_space | Should -Be $copy.Id
    }
}

Describe 'Importing with -Replace and -WhatIf' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Source = New-ProductionSpace
        New-LibratoSpace Databases -Session $SessionB | Out-Null
        $script:Json = Export-LibratoSpace Production -Session $SessionA
        $script:Target = $Json | Import-LibratoSpace -Session $SessionB
        # Drift in B: a changed chart, a removed chart and an extra chart.
        $script:Changed = Get-LibratoChart 'Requests' -Space $Target -Session $SessionB
        $Changed | Set-LibratoChart -Min 10 -Label 'drifted' -Session $SessionB
        Get-LibratoChart 'Empty' -Space $Target -Session $SessionB | Remove-LibratoChart -Force -Session $SessionB
        Add-LibratoChart 'Extra' -Space $Target -Session $SessionB | Out-Null
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'requests' -Method Delete | Out-Null
    }

    It 'makes the existing space match: updates in place, creates what is missing, removes what is extra' {
        $replaced = $Json | Import-LibratoSpace -Session $SessionB -Replace
        $replaced.Id | Should -Be $Target.Id
        $charts = Get-StoredCharts $B $Target.Id
        $charts.name | Should -Not -Contain 'Extra'
        $requests = $charts | Where-Object name -EQ 'Requests'
        $requests.id | Should -Be $Changed.Id
        $requests.PSObject.Properties.Name | Should -Not -Contain 'min'
        $requests.PSObject.Properties.Name | Should -Not -Contain 'label'
        # Charts created now come last; compare in the source's order.
        $ordered = foreach ($name in (Get-StoredCharts $A $Source.Id).name) { $charts | Where-Object name -EQ $name }
        Assert-SameCharts $A (Get-StoredCharts $A $Source.Id) $B $ordered
        $writes = Get-EmulatorRequests $B | Where-Object method -NE 'GET'
        $writes.method | Sort-Object | Should -Be @('DELETE', 'POST', 'PUT')
        ($writes | Where-Object method -EQ 'PUT').body | ConvertFrom-Json | ForEach-Object { $_.PSObject.Properties.Name } | Sort-Object |
            Should -Be @('label', 'min')
    }

    It 'changes nothing with -WhatIf and says what it would change' {
        $log = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $log -UseMinimalHeader | Out-Null
        try {
            $output = $Json | Import-LibratoSpace -Session $SessionB -Replace -WhatIf
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $output | Should -BeNullOrEmpty
        Get-EmulatorRequests $B | Where-Object method -NE 'GET' | Should -BeNullOrEmpty
        $text = Get-Content -Raw $log
        $text | Should -Match 'Update chart: min, label" on target "chart ''Requests'''
        $text | Should -Match 'Create line chart with 0 stream\(s\)" on target "chart ''Empty'''
        $text | Should -Match 'Remove chart, which the definition does not have" on target "chart ''Extra'''
        $text | Should -Not -Match 'CPU "busy"'
    }

    It 'says what it would create in a new space with -WhatIf' {
        $log = Join-Path $TestDrive 'whatif-new.txt'
        Start-Transcript -Path $log -UseMinimalHeader | Out-Null
        try {
            $Json | Import-LibratoSpace -Session $SessionB -Name 'Fresh' -WhatIf
        }
        finally {
            Stop-Transcript | Out-Null
        }
        Get-EmulatorRequests $B | Where-Object method -NE 'GET' | Should -BeNullOrEmpty
        $text = Get-Content -Raw $log
        $text | Should -Match 'Create space with 5 chart\(s\)" on target "space ''Fresh''"'
        $text | Should -Match 'Create bignumber chart with 1 stream\(s\)" on target "chart ''Error rate'' in new space ''Fresh''"'
    }

    It 'leaves a space that already matches alone' {
        $Json | Import-LibratoSpace -Session $SessionB -Replace | Out-Null
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'requests' -Method Delete | Out-Null
        $Json | Import-LibratoSpace -Session $SessionB -Replace | Out-Null
        Get-EmulatorRequests $B | Where-Object method -NE 'GET' | Should -BeNullOrEmpty
    }
}

Describe 'Space definitions in files' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:Source = New-ProductionSpace
    }

    BeforeEach { Reset-Account $B }

    It 'exports to a file and imports from it, or from its lines piped in' {
        $file = Join-Path $TestDrive 'production.json'
        Export-LibratoSpace Production -Path $file -Session $SessionA | Should -BeNullOrEmpty
        Get-Content -Raw $file | Should -Be (Export-LibratoSpace Production -Session $SessionA)
        [IO.File]::ReadAllBytes($file)[0] | Should -Be ([byte][char]'{')
        New-LibratoSpace Databases -Session $SessionB | Out-Null
        (Import-LibratoSpace -Path $file -Session $SessionB).Name | Should -Be 'Production'
        Get-Content $file | Import-LibratoSpace -Name 'From lines' -Session $SessionB | Out-Null
        Assert-SameCharts $A (Get-StoredCharts $A $Source.Id) $B (Get-StoredCharts $B (Get-StoredSpace $B 'From lines').id) -ImportedAs 'From lines'
    }

    It 'exports every space into a folder, one file per space, and imports the files piped in' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'spaces') -Force
        $files = Get-LibratoSpace -Session $SessionA | Export-LibratoSpace -Path $folder.FullName -Session $SessionA -PassThru
        $files.Name | Should -Be @('Databases.json', 'Production.json')
        Get-ChildItem $folder -Filter *.json | Sort-Object Name | Import-LibratoSpace -Session $SessionB | Select-Object -ExpandProperty Name | Should -Be @('Databases', 'Production')
        Assert-SameCharts $A (Get-StoredCharts $A $Source.Id) $B (Get-StoredCharts $B (Get-StoredSpace $B 'Production').id)
        Import-LibratoSpace -Path (Join-Path $folder.FullName '*.json') -Session $SessionB -Replace | Should -HaveCount 2
    }

    It 'imports a chart whose related space the account lacks without the link, with a warning' {
        $json = Export-LibratoSpace Production -Session $SessionA
        $json | Import-LibratoSpace -Session $SessionB -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match "links to the space 'Databases', which this account does not have"
        $chart = Get-StoredCharts $B (Get-StoredSpace $B 'Production').id | Where-Object name -EQ 'CPU "busy"'
        $chart.PSObject.Properties.Name | Should -Not -Contain 'related_space'
    }

    It 'refuses to overwrite with -NoClobber, and to write two spaces into one file' {
        $file = Join-Path $TestDrive 'one.json'
        Export-LibratoSpace Production -Path $file -Session $SessionA
        Export-LibratoSpace Databases -Path $file -NoClobber -Session $SessionA -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ExportFileExists*'
        (Get-Content -Raw $file | ConvertFrom-Json).name | Should -Be 'Production'
        Export-LibratoSpace Databases, Production -Path $file -Session $SessionA -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ExportFileExists*'
        (Get-Content -Raw $file | ConvertFrom-Json).name | Should -Be 'Databases'
    }

    It 'warns about a link to a space that no longer exists and leaves it out' {
        $gone = New-LibratoSpace Gone -Session $SessionA
        $linked = New-LibratoSpace Linked -Session $SessionA
        Add-LibratoChart c -Space $linked -RelatedSpace $gone -Session $SessionA | Out-Null
        Remove-LibratoSpace $gone -Force -Session $SessionA
        $json = Export-LibratoSpace Linked -Session $SessionA -WarningVariable warnings -WarningAction SilentlyContinue
        "$($warnings[0])" | Should -Match "links to the space with id $($gone.Id), which does not exist"
        ($json | ConvertFrom-Json).charts[0].PSObject.Properties.Name | Should -Not -Contain 'related_space'
    }

    It 'reports a missing space' {
        Export-LibratoSpace 'No such space' -Session $SessionA -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
    }

    It 'refuses a document that is not a space definition, naming the bad field' {
        '{"format":"librato.space","version":1,"name":"x","charts":[{"name":"c","colour":"red"}]}' |
            Import-LibratoSpace -Session $SessionB -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidSpaceDefinition*'
        $errs[0].Exception.Message | Should -Match "'charts\[0\].colour' is not a known field"
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $bad -Value '{"format":"something else"}'
        Import-LibratoSpace -Path $bad -Session $SessionB -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidSpaceDefinition*'
        $errs2[0].TargetObject | Should -Be $bad
        Import-LibratoSpace -Path (Join-Path $TestDrive 'missing.json') -Session $SessionB -ErrorVariable errs3 -ErrorAction SilentlyContinue
        $errs3[0].FullyQualifiedErrorId | Should -BeLike 'Librato.FileNotFound*'
        (Invoke-EmulatorApi $B 'spaces').spaces | Should -BeNullOrEmpty
    }

    It 'imports a definition changed as an object' {
        $definition = [Librato.Api.SpaceDefinition]::Parse((Export-LibratoSpace Production -Session $SessionA))
        $definition.Name = 'Edited'
        $definition.Charts.RemoveAt(0)
        # Renamed, the definition no longer knows the link to 'Production' was to itself.
        $definition | Import-LibratoSpace -Session $SessionB -WarningAction SilentlyContinue | Out-Null
        (Get-StoredCharts $B (Get-StoredSpace $B 'Edited').id).name | Should -Be @('Requests', 'Error rate', 'Overview', 'Empty')
    }
}

Describe 'Importing into another endpoint' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:Source = New-ProductionSpace
        $script:Other = Start-LibratoEmulator -Path $EmulatorPath -Email 'other@example.com' -Token 'other-token'
        $script:SessionOther = Connect-TestEmulator $Other
    }

    AfterAll {
        $SessionOther.Dispose()
        $Other | Stop-LibratoEmulator
    }

    It 'recreates the space on another emulator' {
        New-LibratoSpace Databases -Session $SessionOther | Out-Null
        Export-LibratoSpace Production -Session $SessionA | Import-LibratoSpace -Session $SessionOther | Out-Null
        Assert-SameCharts $A (Get-StoredCharts $A $Source.Id) $Other (Get-StoredCharts $Other (Get-StoredSpace $Other 'Production').id)
    }
}
