# Setup of the examples of docs/cmdlets/New-LibratoChartStream.md.
@{
    # The tags come in the order of the hashtable they are given in, which changes from process to process.
    1 = @{ Normalize = @{ '(?<=Tags +: \{).*(?=\})' = { ($_.Value -split ', ' | Sort-Object) -join ', ' } } }
    2 = { $null = New-LibratoSpace Production }
    3 = @{}
}
