# Setup of the examples of docs/cmdlets/Export-LibratoSpace.md.
@{
    1 = {
        $production = New-LibratoSpace Production
        $databases = New-LibratoSpace Databases
        $null = Add-LibratoChart cpu -Space $production.Id -Stream @{ metric = 'cpu.idle'; source = '*' } -Min 0 -Max 100 -Label '%'
        $null = Add-LibratoChart memory -Space $production.Id -RelatedSpace $databases.Id -UseLogYAxis -Stream @{ metric = 'memory.used'; source = '*'; group_function = 'breakout'; summary_function = 'average' }
    }
    2 = { New-ExampleDashboard }
    3 = { New-ExampleDashboard; $null = New-Item -ItemType Directory spaces; git init --quiet; git config user.email ops@example.com; git config user.name Ops }
}
