# Setup of the examples of docs/cmdlets/Import-LibratoSpace.md.
@{
    1 = { New-ExampleDashboard; $old = Get-LibratoSession; $new = Connect-ExampleAccount ops@example.org }
    2 = {
        New-ExampleDashboard
        # The file is the space as it was, with the Requests chart changed and an empty chart added; the account has a
        # chart the file does not.
        $definition = Export-LibratoSpace Production | ConvertFrom-Json
        $requests = $definition.charts | Where-Object name -EQ 'Requests'
        $requests | Add-Member min 0 -Force
        $requests | Add-Member label 'requests/min' -Force
        $definition.charts += [pscustomobject]@{ name = 'Empty'; type = 'line'; streams = @() }
        $null = New-Item -ItemType Directory spaces
        $definition | ConvertTo-Json -Depth 10 | Set-Content .\spaces\Production.json
        $null = Add-LibratoChart Extra -Space Production -Stream @{ metric = 'extra.metric'; source = '*' }
    }
    3 = { New-ExampleDashboard; $null = New-Item -ItemType Directory spaces; $null = Get-LibratoSpace Databases, Production | Export-LibratoSpace -Path .\spaces }
    4 = { New-ExampleDashboard }
}
