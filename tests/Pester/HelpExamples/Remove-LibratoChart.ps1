# Setup of the examples of docs/cmdlets/Remove-LibratoChart.md, which show no output: their entries show that they
# print nothing, or what they ask.
@{
    1 = { New-ExampleDashboard }
    2 = @{
        Setup   = {
            New-ExampleDashboard
            $staging = New-LibratoSpace Staging
            foreach ($name in 'cpu', 'memory') { $null = Add-LibratoChart $name -Space $staging.Id -Stream @{ metric = "$name.used"; source = 'staging-*' } }
        }
        Answers = 'y', 'y'
    }
    3 = {
        New-ExampleDashboard
        foreach ($name in 'old cpu', 'old memory') { $null = Add-LibratoChart $name -Space Production -Stream @{ metric = 'cpu.idle'; source = '*' } }
    }
}
