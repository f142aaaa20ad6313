# Setup of the examples of docs/cmdlets/New-LibratoAnnotation.md.
@{
    1 = @{}
    2 = { $env:TRAVIS_BUILD_ID = '4711' }
    3 = @{}
    4 = {
        @'
Title,Description,Source,StartTime,EndTime
Release 2025.05,Spring release,shop,2025-05-06 14:00,2025-05-06 14:40
Release 2025.05.1,Fixes for the spring release,shop,2025-05-20 14:00,2025-05-20 14:25
Release 2025.06,API v2,api,2025-06-02 15:00,2025-06-02 15:35
'@ | Set-Content .\releases.csv
    }
}
