# Setup of the examples of docs/cmdlets/New-LibratoChartStream.md.
@{
    1 = @{}
    2 = { $null = New-LibratoSpace Production }
    3 = @{}
}
