BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:ChoiceParameters = @(
        foreach ($command in Get-Command -Module Librato -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Name -in 'Source', 'Tag', 'Tags', 'TagSearch', 'GroupBy', 'GroupedTag', 'DynamicTag', 'Resolution', 'Type', 'SummaryFunction',
                    'GroupFunction', 'DownsampleFunction', 'SummarizeFunction', 'GroupByFunction', 'Metric', 'MetricName', 'Stream', 'Space', 'Service' -and
                    # Objects (a chart's streams, say) are not typed at a prompt.
                    $parameter.ParameterType -in [string], [string[]], [hashtable], [System.Collections.IDictionary], [int], [Nullable[int]], [object]) {
                    @{ Command = $command.Name; Parameter = $parameter.Name }
                }
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function script:Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | Where-Object ResultType -EQ 'ParameterValue'
    }
}

Describe 'Completion of sources, resolutions, and an endpoint that does not answer' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator
        Connect-TestEmulator $Emulator | Out-Null
        Send-LibratoMetric -Name web.cpu -Value 1 -Source web-frontend-01
        Send-LibratoMetric -Name web.cpu -Value 1 -Source web-frontend-02
        Send-LibratoMetric -Name db.cpu -Value 1 -Source db-primary
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    It 'completes -Source of <Command> from the account''s sources' -ForEach @(
        @{ Command = 'Get-LibratoMeasurement web.cpu -Source ' }
        @{ Command = 'Get-LibratoMetric web.cpu -Source ' }
        @{ Command = 'Show-LibratoMetric web.cpu -Source ' }
        @{ Command = 'Send-LibratoMetric -Name web.cpu -Value 1 -Source ' }
    ) {
        (Complete ($Command + 'web')).CompletionText | Should -Be @('web-frontend-01', 'web-frontend-02')
        (Complete ($Command + 'db')).CompletionText | Should -Be @('db-primary')
    }

    It 'completes -Resolution with the resolutions every series offers, each explained' {
        $matches = Complete 'Get-LibratoMeasurement web.cpu -Resolution '
        $matches.CompletionText | Should -Be @('1', '60', '900', '3600', '86400')
        ($matches | Where-Object CompletionText -EQ '60').ToolTip | Should -Be 'one point a minute'
        (Complete 'Show-LibratoMetric web.cpu -Resolution 3').CompletionText | Should -Be @('3600')
    }

    It 'completes -TagSearch of <Command> with the name=value pairs of the metric''s tagged series' -ForEach @(
        @{ Command = 'Get-LibratoMeasurement weather.temperature -TagSearch ' }
        @{ Command = 'Get-LibratoMetric weather.temperature -TagSearch ' }
        @{ Command = 'Show-LibratoMetric weather.temperature -TagSearch ' }
    ) {
        Send-LibratoMetric -Name weather.temperature -Value 21 -Tags @{ city = 'austin'; station = '27' }
        Send-LibratoMetric -Name weather.temperature -Value 25 -Tags @{ city = 'dallas'; station = '3' }
        (Complete ($Command + 'city')).CompletionText | Should -Be @('city=austin', 'city=dallas')
        (Complete ($Command + 'station=2')).CompletionText | Should -Be @('station=27')
        (Complete 'Get-LibratoMeasurement -TagSearch city') | Should -BeNullOrEmpty -Because 'the tags belong to the metric named first'
    }

    It 'completes <Parameter> of <Command> with the tag pairs of the metric, which it takes as name=value strings' -ForEach @(
        @{ Command = 'Get-LibratoMeasurement weather.temperature'; Parameter = '-Tag' }
        @{ Command = 'Show-LibratoMetric weather.temperature'; Parameter = '-Tag' }
        @{ Command = 'Send-LibratoMetric -Name weather.temperature -Value 1'; Parameter = '-Tags' }
        @{ Command = 'New-LibratoAlert hot -MetricName weather.temperature -Above 30'; Parameter = '-Tag' }
        @{ Command = 'New-LibratoChartStream -Metric weather.temperature'; Parameter = '-Tag' }
    ) {
        Send-LibratoMetric -Name weather.temperature -Value 21 -Tags @{ city = 'austin'; station = '27' }
        Send-LibratoMetric -Name weather.temperature -Value 25 -Tags @{ city = 'dallas'; station = '3' }
        (Complete "$Command $Parameter city").CompletionText | Should -Be @('city=austin', 'city=dallas')
        (Complete "$Command $Parameter city=austin, sta").CompletionText | Should -Be @('station=27', 'station=3')
    }

    It 'completes -GroupBy and -GroupedTag with the tag names of the metric' {
        Send-LibratoMetric -Name weather.temperature -Value 21 -Tags @{ city = 'austin'; station = '27' }
        (Complete 'Get-LibratoMeasurement weather.temperature -GroupBy ').CompletionText | Should -Be @('city', 'station')
        (Complete 'New-LibratoAlert hot -MetricName weather.temperature -Above 30 -GroupedTag st').CompletionText | Should -Be @('station')
    }

    It 'reads -Tags and -Tag given as name=value strings as the hashtable they stand for' {
        Send-LibratoMetric -Name weather.wind -Value 7 -Tags 'city=austin', 'station = 27'
        Send-LibratoMetric -Name weather.wind -Value 9 -Tags city=dallas
        $points = Get-LibratoMeasurement weather.wind -Tag city=austin
        $points | Should -HaveCount 1
        $points[0].Value | Should -Be 7
        $points[0].Tags['station'] | Should -Be '27'
        # A name given twice is either value in a filter.
        (Get-LibratoMeasurement weather.wind -Tag city=austin, city=dallas).Value | Sort-Object | Should -Be @(7, 9)
    }

    It 'refuses a tag string without = and says both forms' {
        { Send-LibratoMetric -Name weather.wind -Value 7 -Tags 'austin' -ErrorAction Stop } |
            Should -Throw "*The tag 'austin' is not name=value. Give tags as 'name=value' strings (-Tags 'region=us-east', 'host=web1') or as a hashtable*"
        # The same name twice is not one value for a measurement: refused, not stored.
        { Send-LibratoMetric -Name weather.gust -Value 7 -Tags city=austin, city=dallas -ErrorAction Stop } |
            Should -Throw "*The tag 'city' is given twice ('austin' and 'dallas'); a measurement has one value for each tag name."
        { Get-LibratoMetric weather.gust -ErrorAction Stop } | Should -Throw "*There is no metric named 'weather.gust'*"
    }

    It 'asks an endpoint that did not answer once, then returns at once for a minute' {
        # The emulator drops the connection of every metric listing: no answer, as from an endpoint that is down.
        $session = Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) -Endpoint $Emulator.Url -SkipCredentialCheck -MaxRetries 0
        Add-EmulatorFault $Emulator @{ kind = 'drop'; count = 10; match = @{ method = 'GET'; path = '/v1/metrics' } }
        $before = @(Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics').Count
        Complete 'Get-LibratoMetric we' | Should -BeNullOrEmpty
        Complete 'Get-LibratoMetric web' | Should -BeNullOrEmpty
        Complete 'Remove-LibratoMetric db' | Should -BeNullOrEmpty
        @(Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics').Count - $before | Should -Be 1
        Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/faults" | Out-Null
    }
}

Describe 'Every parameter with choices or account names completes' {
    It '<Command> -<Parameter> has a completer or a set of values' -ForEach $ChoiceParameters {
        $parameter = (Get-Command $Command).Parameters[$Parameter]
        $choices = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] -or $_ -is [System.Management.Automation.ValidateSetAttribute] })
        $choices | Should -Not -BeNullOrEmpty -Because 'Tab should offer what the account or the API takes, not file names'
    }

    It 'checks the parameters of many cmdlets' -ForEach @{ Checked = $ChoiceParameters.Count } {
        $Checked | Should -BeGreaterThan 40
    }
}
