# Setup of the examples of docs/cmdlets/Add-LibratoChart.md.
$spaces = { $null = New-LibratoSpace Production; $null = New-LibratoSpace Databases }
@{
    1 = $spaces
    2 = $spaces
    3 = $spaces
    4 = $spaces
    5 = $spaces
    6 = $spaces
}
