# Setup of the examples of docs/cmdlets/New-LibratoAggregator.md.
$requests = {
    @('https://www.example.com/', 'https://www.example.com/shop', 'https://www.example.com/search?q=boots',
        'https://www.example.com/account', 'https://www.example.com/help') | Set-Content .\urls.txt
    # The pages answer in these times (milliseconds) with these many bytes.
    Set-ExampleDuration 87, 112.4, 1504, 95.3, 100.3
    $global:ExampleBytes = [Collections.Generic.Queue[long]]::new([long[]]@(5120, 20480, 48213, 3310, 12877))
    function Invoke-WebRequest([string] $Uri, [switch] $UseBasicParsing) { [pscustomobject]@{ StatusCode = 200; RawContentLength = $ExampleBytes.Dequeue() } }
}
@{
    1 = $requests
    2 = {
        # The files of the night's backup set on the NAS share.
        function Get-ChildItem([string] $Path, [switch] $Recurse, [switch] $File) {
            $random = [Random]::new(2)
            foreach ($i in 1..4812) {
                $size = if ($i % 997 -eq 0) { 2GB + $random.Next(0, 1024) * 4MB } else { $random.Next(1, 160) * 64KB }
                [IO.FileInfo]::new("/nas-01/backup/2025-06-02/file$i.bak") | Add-Member -NotePropertyName Length -NotePropertyValue ([long]$size) -Force -PassThru
            }
        }
    }
    5 = [scriptblock]::Create(@"
$requests
`$agg = New-LibratoAggregator -Source web-01 -Period 60
foreach (`$url in Get-Content .\urls.txt) {
    `$ms = (Measure-Command { `$script:response = Invoke-WebRequest `$url -UseBasicParsing }).TotalMilliseconds
    `$agg.Add('web.request.duration_ms', `$ms)
    `$agg.Add('web.request.bytes', `$response.RawContentLength)
}
"@)
}
