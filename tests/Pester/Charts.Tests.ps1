BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ResourceHelpers.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Get-StoredCharts([long] $SpaceId) {
        # The space's charts as the emulator stored them, in creation order.
        Invoke-EmulatorApi $Emulator "spaces/$SpaceId/charts"
    }

    # Every documented stream field with a value, as the API names them.
    $script:AllStreamFields = [ordered]@{
        metric = 'cpu'; group_function = 'sum'; summary_function = 'max'; name = 'legend'; color = '#112233'
        units_short = 'ms'; units_long = 'milliseconds'; min = 1; max = 99; period = 60; transform_function = 'x/p'
        split_axis = $true; gap_detection = $false; position = 2
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'The README''s chart examples' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-LibratoSpace Production | Out-Null
        $script:Related = New-LibratoSpace Related
    }

    It 'creates a chart with streams, a line chart by default' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart cpu -Space $space -Stream @{ metric = 'cpu.idle'; source = '*' }
        $chart | Should -BeOfType ([Librato.Api.LibratoChart])
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.name | Should -Be 'cpu'
        $stored.type | Should -Be 'line'
        $stored.streams | Should -HaveCount 1
        $stored.streams[0].metric | Should -Be 'cpu.idle'
        $stored.streams[0].source | Should -Be '*'
    }

    It 'creates an empty chart' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart cpu -Space $space
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.type | Should -Be 'line'
        @($stored.streams).Count | Should -Be 0
    }

    It 'creates a chart with all attributes' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart memory -Space $space -Type line -Stream @(
            @{ metric = 'memory.free'; source = '*' }
            @{ metric = 'memory.used'; source = '*'; group_function = 'breakout'; summary_function = 'average' }
        ) -Min 0 -Max 50 -Label 'the y axis label' -UseLogYAxis -RelatedSpace $Related.Id
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.type | Should -Be 'line'
        $stored.min | Should -Be 0
        $stored.max | Should -Be 50
        $stored.label | Should -Be 'the y axis label'
        $stored.use_log_yaxis | Should -BeTrue
        $stored.related_space | Should -Be $Related.Id
        $stored.streams.metric | Should -Be @('memory.free', 'memory.used')
        $stored.streams[1].group_function | Should -Be 'breakout'
        $stored.streams[1].summary_function | Should -Be 'average'
        $chart.RelatedSpace | Should -Be $Related.Id
    }

    It 'creates a single-metric line chart with the shortcut, by position or by name' {
        $space = Get-LibratoSpace Production
        $one = Add-LibratoChart 'my chart' my.metric '*' -Space $space
        $two = Add-LibratoChart 'my chart' -Metric my.metric -Source '*' -Space $space
        foreach ($chart in $one, $two) {
            $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
            $stored.type | Should -Be 'line'
            $stored.streams.metric | Should -Be 'my.metric'
            $stored.streams.source | Should -Be '*'
            $stored.streams[0].PSObject.Properties.Name | Should -Not -Contain 'group_function'
        }
    }

    It 'creates a single-metric stacked chart with the shortcut' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart 'my chart' my.metric '*' -Space $space -Type stacked
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.type | Should -Be 'stacked'
        $stored.streams.metric | Should -Be 'my.metric'
    }

    It 'creates a big number chart with streams' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart memory -Space $space -Type bignumber -Stream @{ metric = 'my.metric'; source = '*' }
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.type | Should -Be 'bignumber'
        $stored.PSObject.Properties.Name | Should -Not -Contain 'use_last_value'
    }

    It 'creates a big number chart with the shortcut: average functions and the last value by default' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart 'My Chart' my.metric '*' -Space $space -Type bignumber
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.type | Should -Be 'bignumber'
        $stored.use_last_value | Should -BeTrue
        $stored.streams[0].group_function | Should -Be 'average'
        $stored.streams[0].summary_function | Should -Be 'average'
    }

    It 'creates a big number chart with the shortcut and its group and summary functions' {
        $space = Get-LibratoSpace Production
        $chart = Add-LibratoChart 'My Chart' my.metric -Source '*' -GroupFunction sum -SummaryFunction sum -UseLastValue -Space $space -Type bignumber
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.use_last_value | Should -BeTrue
        $stored.streams[0].group_function | Should -Be 'sum'
        $stored.streams[0].summary_function | Should -Be 'sum'
        $off = Add-LibratoChart 'Current' my.metric -Space $space -Type bignumber -UseLastValue:$false
        (Get-StoredCharts $space.Id | Where-Object id -EQ $off.Id).use_last_value | Should -BeFalse
    }

    It 'finds a chart by id in a space given by id or object' {
        $space = Get-LibratoSpace Production
        $id = (Get-StoredCharts $space.Id)[0].id
        (Get-LibratoChart -Id $id -Space $space.Id).Name | Should -Be 'cpu'
        (Get-LibratoChart -Id $id -Space $space).Id | Should -Be $id
        (Get-LibratoChart -Id $id -Space $space).SpaceId | Should -Be $space.Id
    }

    It 'updates a chart''s attributes' {
        $space = Get-LibratoSpace Production
        $chart = Get-LibratoChart -Id (Get-StoredCharts $space.Id)[0].id -Space $space
        $chart | Set-LibratoChart -Min 0 -Max 50
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.min | Should -Be 0
        $stored.max | Should -Be 50
        $stored.streams.metric | Should -Be 'cpu.idle'
    }

    It 'updates a chart changed in the script, as the model''s save() does' {
        $space = Get-LibratoSpace Production
        $chart = Get-LibratoChart -Id (Get-StoredCharts $space.Id)[0].id -Space $space
        $chart.Min = 5
        $chart.Label = 'percent'
        Set-LibratoChart -Instance $chart
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.min | Should -Be 5
        $stored.label | Should -Be 'percent'
        $stored.streams[0].id | Should -Be $chart.Streams[0].Id
    }

    It 'renames a chart' {
        $space = Get-LibratoSpace Production
        $chart = Get-LibratoChart -Id (Get-StoredCharts $space.Id)[0].id -Space $space
        $chart | Set-LibratoChart -NewName 'new chart name'
        (Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id).name | Should -Be 'new chart name'
    }

    It 'adds metrics to the last chart of a space: metric and source, by name, and a composite' {
        $space = Get-LibratoSpace Production
        $chart = (Get-LibratoChart -Space $space)[-1]
        $before = @($chart.Streams.Id)
        $chart | Add-LibratoChartStream foo '*'
        $chart | Add-LibratoChartStream -Metric foo -Source '*'
        $chart | Add-LibratoChartStream -Composite 's("foo", "*")'
        $stored = Get-StoredCharts $space.Id | Where-Object id -EQ $chart.Id
        $stored.streams | Should -HaveCount ($before.Count + 3)
        $stored.streams[0..($before.Count - 1)].id | Should -Be $before
        $added = $stored.streams | Select-Object -Last 3
        $added[0].metric | Should -Be 'foo'
        $added[0].source | Should -Be '*'
        $added[1].metric | Should -Be 'foo'
        $added[2].composite | Should -Be 's("foo", "*")'
        $added[2].PSObject.Properties.Name | Should -Not -Contain 'source'
    }

    It 'deletes a chart' {
        $space = Get-LibratoSpace Production
        $id = (Get-StoredCharts $space.Id)[0].id
        Get-LibratoChart -Id $id -Space $space.Id | Remove-LibratoChart -Force
        (Get-StoredCharts $space.Id).id | Should -Not -Contain $id
    }
}

Describe 'Get-LibratoChart' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:Web = New-LibratoSpace Web
        $script:Db = New-LibratoSpace Db
        Add-LibratoChart 'cpu' cpu -Space $Web | Out-Null
        Add-LibratoChart 'requests' requests -Space $Web | Out-Null
        Add-LibratoChart 'cpu' db.cpu -Space $Db | Out-Null
        Add-LibratoChart 'Twin' t -Space $Db | Out-Null
        Add-LibratoChart 'twin' t -Space $Db | Out-Null
    }

    It 'gets every chart of a space piped in, with its streams and space id' {
        $charts = Get-LibratoSpace Web | Get-LibratoChart
        $charts.Name | Should -Be @('cpu', 'requests')
        $charts[0].SpaceId | Should -Be $Web.Id
        $charts[0].Streams[0].Metric | Should -Be 'cpu'
        $charts[0].Streams[0].Type | Should -Be 'gauge'
        $charts[0].Streams[0].Id | Should -BeGreaterThan 0
    }

    It 'gets the charts of every space, or of the spaces a pattern names, filtered by name' {
        # Spaces come in name order, charts in the API's order.
        (Get-LibratoChart).Name | Should -Be @('cpu', 'Twin', 'twin', 'cpu', 'requests')
        (Get-LibratoChart cpu).SpaceId | Should -Be @($Db.Id, $Web.Id)
        (Get-LibratoChart 'r*' -Space 'W*').Name | Should -Be 'requests'
        (Get-LibratoChart -Space Db, Web).Name | Should -Be @('cpu', 'Twin', 'twin', 'cpu', 'requests')
    }

    It 'reports a chart name found nowhere, and a missing chart id' {
        Get-LibratoChart memory -Space Web -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ChartNotFound*'
        $errs[0].TargetObject | Should -Be 'memory'
        Get-LibratoChart -Id 9999 -Space Web -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ChartNotFound*'
        # A chart is found only in its own space.
        $dbChart = (Get-LibratoChart cpu -Space Db).Id
        Get-LibratoChart -Id $dbChart -Space Web -ErrorVariable errs3 -ErrorAction SilentlyContinue
        $errs3[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ChartNotFound*'
        Get-LibratoChart -Space 'No such space' -ErrorVariable errs4 -ErrorAction SilentlyContinue
        $errs4[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
        { Get-LibratoChart -Id $dbChart -ErrorAction Stop } | Should -Throw -ErrorId 'Librato.SpaceRequired*'
    }

    It 'gets charts by id in a space piped in' {
        $id = (Get-LibratoChart cpu -Space Db).Id
        (Get-LibratoSpace Db | Get-LibratoChart -Id $id).Streams.Metric | Should -Be 'db.cpu'
    }
}

Describe 'New-LibratoChartStream' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Space = New-LibratoSpace Streams
    }

    It 'builds a stream with every documented field, and every one reaches the API' {
        $stream = New-LibratoChartStream -Metric cpu -Tag @{ environment = 'prod'; region = 'us-*', 'eu-*' } -GroupedTag environment -DynamicTag host `
            -GroupFunction sum -SummaryFunction max -Name legend -Color '#112233' -UnitsShort ms -UnitsLong milliseconds -Min 1 -Max 99 `
            -Period 60 -TransformFunction 'x/p' -SplitAxis -GapDetection:$false -Position 2
        $stream | Should -BeOfType ([Librato.Api.LibratoChartStream])
        $chart = Add-LibratoChart all -Space $Space -Stream $stream
        $sent = (Get-RequestBody $Emulator POST "/v1/spaces/$($Space.Id)/charts").streams[0]
        $stored = (Get-StoredCharts $Space.Id | Where-Object id -EQ $chart.Id).streams[0]
        foreach ($field in $AllStreamFields.Keys) {
            $sent.$field | Should -Be $AllStreamFields[$field] -Because "$field is sent"
            $stored.$field | Should -Be $AllStreamFields[$field] -Because "$field is stored"
        }
        $sent.PSObject.Properties.Name | Should -Not -Contain 'source'
        $tags = $stored.tags | Sort-Object name
        $tags.name | Should -Be @('environment', 'host', 'region')
        $tags[0].values | Should -Be 'prod'
        $tags[0].grouped | Should -BeTrue
        $tags[1].values | Should -Be '*'
        $tags[1].dynamic | Should -BeTrue
        $tags[2].values | Should -Be @('us-*', 'eu-*')
    }

    It 'builds composite streams with a downsample function' {
        $stream = New-LibratoChartStream -Composite 'sum(s("cpu", "*"))' -DownsampleFunction max -SummaryFunction sum -Color '#AABBCC'
        $chart = Add-LibratoChart c -Space $Space -Stream $stream
        $stored = (Get-StoredCharts $Space.Id | Where-Object id -EQ $chart.Id).streams[0]
        $stored.composite | Should -Be 'sum(s("cpu", "*"))'
        $stored.type | Should -Be 'composite'
        $stored.downsample_function | Should -Be 'max'
        $stored.summary_function | Should -Be 'sum'
        $stored.color | Should -Be '#AABBCC'
    }

    It 'defaults to every source when neither a source nor tags are given, as the original does' {
        (New-LibratoChartStream -Metric cpu).Source | Should -Be '*'
        (New-LibratoChartStream cpu 'web-*').Source | Should -Be 'web-*'
        (New-LibratoChartStream -Metric cpu -Tag @{ env = 'prod' }).Source | Should -BeNullOrEmpty
    }

    It 'validates its parameters' {
        { New-LibratoChartStream -Metric cpu -Color red } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-LibratoChartStream -Metric cpu -GroupFunction median } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-LibratoChartStream -Composite 'x' -GroupFunction sum } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'also takes streams as hashtables with API or property names, and refuses unknown fields' {
        $chart = Add-LibratoChart h -Space $Space -Stream $AllStreamFields
        $stored = (Get-StoredCharts $Space.Id | Where-Object id -EQ $chart.Id).streams[0]
        foreach ($field in $AllStreamFields.Keys) {
            $stored.$field | Should -Be $AllStreamFields[$field] -Because "$field is stored"
        }
        $chart = Add-LibratoChart p -Space $Space -Stream @{ Metric = 'm'; Source = '*'; GroupFunction = 'max'; Tags = @{ env = 'prod', 'stage' } }
        $stored = (Get-StoredCharts $Space.Id | Where-Object id -EQ $chart.Id).streams[0]
        $stored.group_function | Should -Be 'max'
        $stored.tags[0].values | Should -Be @('prod', 'stage')
        $err = { Add-LibratoChart x -Space $Space -Stream @{ metric = 'm'; sumary_function = 'max' } } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        $err.Exception.Message | Should -Match "'sumary_function' is not a chart stream field"
    }
}

Describe 'Add-LibratoChart' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Space = New-LibratoSpace Production
    }

    It 'takes the space from the pipeline' {
        $chart = Get-LibratoSpace Production | Add-LibratoChart cpu -Metric cpu.idle
        $chart.SpaceId | Should -Be $Space.Id
        (Get-StoredCharts $Space.Id).name | Should -Be 'cpu'
    }

    It 'adds tagged single-metric charts, thresholds and a related space by name' {
        $chart = Add-LibratoChart temp -Metric temperature -Tag @{ city = 'austin' } -Space Production -Type bignumber `
            -Threshold @{ operator = '>'; value = 90; type = 'red' }, @{ operator = '>'; value = 80; type = 'yellow' } -RelatedSpace Production
        $stored = Get-StoredCharts $Space.Id | Where-Object id -EQ $chart.Id
        $stored.streams[0].tags[0].name | Should -Be 'city'
        $stored.streams[0].PSObject.Properties.Name | Should -Not -Contain 'source'
        $stored.thresholds.type | Should -Be @('red', 'yellow')
        $stored.thresholds[0].operator | Should -Be '>'
        $stored.thresholds[0].value | Should -Be 90
        $stored.related_space | Should -Be $Space.Id
    }

    It 'adds nothing with -WhatIf' {
        Add-LibratoChart cpu -Space $Space -WhatIf
        @(Get-StoredCharts $Space.Id).Count | Should -Be 0
    }

    It 'reports what the API refuses, and a missing space' {
        Add-LibratoChart bad -Space $Space -Stream @{ metric = 'cpu'; color = 'red' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidRequest*'
        $errs[0].Exception.Message | Should -Match 'color'
        Add-LibratoChart x -Space 'Nowhere' -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
        Add-LibratoChart x -Space $Space -RelatedSpace 'Nowhere' -ErrorVariable errs3 -ErrorAction SilentlyContinue
        $errs3[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceNotFound*'
        @(Get-StoredCharts $Space.Id).Count | Should -Be 0
    }
}

Describe 'Set-LibratoChart' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Space = New-LibratoSpace Production
        $script:Other = New-LibratoSpace Other
        $script:Chart = Add-LibratoChart cpu -Space $Space -Stream @{ metric = 'cpu'; source = '*' }, @{ metric = 'load'; source = '*' } `
            -Min 1 -Max 9 -Label '%' -UseLogYAxis -RelatedSpace $Other -Threshold @{ operator = '>'; value = 1; type = 'red' }
    }

    It 'clears fields given $null and sends false for a switch given $false' {
        Set-LibratoChart $Chart -Min $null -Label $null -RelatedSpace $null -Threshold $null -UseLogYAxis:$false
        $body = Get-RequestBody $Emulator PUT "/v1/spaces/$($Space.Id)/charts/$($Chart.Id)"
        $body.PSObject.Properties.Name | Sort-Object | Should -Be @('label', 'min', 'related_space', 'thresholds', 'use_log_yaxis')
        $stored = Get-StoredCharts $Space.Id
        $stored.PSObject.Properties.Name | Should -Not -Contain 'min'
        $stored.PSObject.Properties.Name | Should -Not -Contain 'label'
        $stored.PSObject.Properties.Name | Should -Not -Contain 'related_space'
        $stored.thresholds | Should -BeNullOrEmpty
        $stored.use_log_yaxis | Should -BeFalse
        $stored.max | Should -Be 9
    }

    It 'replaces the streams, keeping the ids of those read from the chart' {
        $keep = $Chart.Streams | Where-Object Metric -EQ 'load'
        $updated = Set-LibratoChart -Chart cpu -Space Production -Stream @($keep; New-LibratoChartStream mem '*') -Type stacked -PassThru
        $updated.Type | Should -Be 'stacked'
        $updated.Streams.Metric | Should -Be @('load', 'mem')
        $updated.Streams[0].Id | Should -Be $keep.Id
        (Get-StoredCharts $Space.Id).streams.metric | Should -Be @('load', 'mem')
    }

    It 'adds a stream taken from another chart as a new stream' {
        $other = Add-LibratoChart other -Space $Space -Stream @{ metric = 'z'; source = '*' }
        $Chart | Set-LibratoChart -Stream $other.Streams[0]
        $sent = (Get-RequestBody $Emulator PUT "/v1/spaces/$($Space.Id)/charts/$($Chart.Id)").streams
        $sent[0].PSObject.Properties.Name | Should -Not -Contain 'id'
        (Get-StoredCharts $Space.Id | Where-Object id -EQ $other.Id).streams.id | Should -Be $other.Streams[0].Id
    }

    It 'finds a chart by id or name in a space, and refuses one given without its space' {
        Set-LibratoChart $Chart.Id -Space $Space -NewName 'CPU'
        (Get-StoredCharts $Space.Id).name | Should -Be 'CPU'
        Set-LibratoChart $Chart.Id -NewName 'x' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceRequired*'
        Add-LibratoChart CPU -Space $Space | Out-Null
        Set-LibratoChart cpu -Space $Space -NewName 'x' -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AmbiguousChart*'
        Set-LibratoChart memory -Space $Space -NewName 'x' -ErrorVariable errs3 -ErrorAction SilentlyContinue
        $errs3[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ChartNotFound*'
    }

    It 'refuses to run with nothing to set, and changes nothing with -WhatIf' {
        { $Chart | Set-LibratoChart -ErrorAction Stop } | Should -Throw -ErrorId 'Librato.NothingToUpdate*'
        $Chart | Set-LibratoChart -Max 100 -WhatIf
        (Get-StoredCharts $Space.Id).max | Should -Be 9
    }

    It 'saves a whole chart object, clearing what it no longer sets' {
        $Chart.Label = $null
        $Chart.Thresholds = $null
        $Chart.Streams.RemoveAt(0)
        Set-LibratoChart -Instance $Chart -PassThru | Select-Object -ExpandProperty Label | Should -BeNullOrEmpty
        $stored = Get-StoredCharts $Space.Id
        $stored.PSObject.Properties.Name | Should -Not -Contain 'label'
        $stored.streams.metric | Should -Be 'load'
        $stored.min | Should -Be 1
    }
}

Describe 'Add-LibratoChartStream' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Space = New-LibratoSpace Production
        $script:Chart = Add-LibratoChart cpu cpu '*' -Space $Space
    }

    It 'adds tag streams and streams with any field, to charts given by id and space' {
        Add-LibratoChartStream -Chart $Chart.Id -Space Production -Metric load -Tag @{ env = 'prod' } -GroupedTag env -Color '#010203' -Name 'Load'
        Add-LibratoChartStream -Chart $Chart -Stream (New-LibratoChartStream -Composite 's("a","*")'), @{ metric = 'b'; source = 'x' }
        $stored = (Get-StoredCharts $Space.Id).streams
        $stored | Should -HaveCount 4
        $stored[0, 1, 3].metric | Should -Be @('cpu', 'load', 'b')
        $stored[1].tags[0].grouped | Should -BeTrue
        $stored[1].color | Should -Be '#010203'
        $stored[1].name | Should -Be 'Load'
        $stored[2].composite | Should -Be 's("a","*")'
        $stored[3].source | Should -Be 'x'
    }

    It 'keeps streams added since the chart object was read' {
        $stale = $Chart
        Add-LibratoChartStream -Chart $Chart -Metric one
        $updated = $stale | Add-LibratoChartStream two -PassThru
        $updated.Streams.Metric | Should -Be @('cpu', 'one', 'two')
    }

    It 'adds copies of streams taken from another chart' {
        $other = Add-LibratoChart other -Space $Space -Stream @{ metric = 'x'; source = '*' }
        $Chart | Add-LibratoChartStream -Stream $other.Streams
        ((Get-StoredCharts $Space.Id) | Where-Object id -EQ $Chart.Id).streams[1].id | Should -Not -Be $other.Streams[0].Id
        ((Get-StoredCharts $Space.Id) | Where-Object id -EQ $other.Id).streams | Should -HaveCount 1
    }

    It 'adds nothing with -WhatIf' {
        $Chart | Add-LibratoChartStream foo -WhatIf
        (Get-StoredCharts $Space.Id).streams | Should -HaveCount 1
    }
}

Describe 'Remove-LibratoChart' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Space = New-LibratoSpace Production
        $script:Db = New-LibratoSpace Db
        'a', 'b', 'c' | ForEach-Object { Add-LibratoChart $_ -Space $Space | Out-Null }
        Add-LibratoChart d -Space $Db | Out-Null
    }

    It 'removes every chart piped from Get-LibratoChart' {
        Get-LibratoChart | Remove-LibratoChart -Force
        @(Get-StoredCharts $Space.Id).Count | Should -Be 0
        @(Get-StoredCharts $Db.Id).Count | Should -Be 0
    }

    It 'removes the charts of one space' {
        Get-LibratoChart -Space Production | Remove-LibratoChart -Confirm:$false
        @(Get-StoredCharts $Space.Id).Count | Should -Be 0
        @(Get-StoredCharts $Db.Id).Count | Should -Be 1
    }

    It 'removes charts by name or id with their space' {
        $b = (Get-StoredCharts $Space.Id)[1].id
        Remove-LibratoChart a, $b -Space Production -Force
        (Get-StoredCharts $Space.Id).name | Should -Be 'c'
    }

    It 'is a high-impact change: -WhatIf removes nothing' {
        (Get-Command Remove-LibratoChart).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Get-LibratoChart | Remove-LibratoChart -WhatIf
        @(Get-StoredCharts $Space.Id).Count | Should -Be 3
    }

    It 'reports charts that are gone or given without a space' {
        $gone = Get-LibratoChart a -Space Production
        $gone | Remove-LibratoChart -Force
        $gone | Remove-LibratoChart -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ChartNotFound*'
        $errs[0].TargetObject.Name | Should -Be 'a'
        Remove-LibratoChart 12 -Force -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Librato.SpaceRequired*'
    }
}
