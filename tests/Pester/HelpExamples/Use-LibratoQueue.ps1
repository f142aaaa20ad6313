# Setup of the examples of docs/cmdlets/Use-LibratoQueue.md.
@{
    3 = {
        # Get-Counter, which only Windows has: a minute of samples, one every five seconds.
        function Get-Counter([string[]] $Counter, [int] $SampleInterval, [int] $MaxSamples) {
            foreach ($i in 11..0) {
                New-ExampleCounterSet -Time $ExampleNow.AddSeconds(-5 * $i).LocalDateTime -Samples @{ Path = '\\web01\processor(_total)\% processor time'; Instance = '_total'; Value = 10 + $i }
            }
        }
    }
    4 = {
        # Get-Volume, which only Windows has, for a machine with two fixed disks and a DVD drive.
        function Get-Volume {
            [pscustomobject]@{ DriveLetter = [char]'C'; FileSystemLabel = 'System'; Size = 255GB; SizeRemaining = 105.3GB }
            [pscustomobject]@{ DriveLetter = [char]'D'; FileSystemLabel = 'Data'; Size = 1TB; SizeRemaining = 797.7GB }
            [pscustomobject]@{ DriveLetter = $null; FileSystemLabel = 'Recovery'; Size = 600MB; SizeRemaining = 88MB }
        }
    }
}
