# Setup of the examples of docs/cmdlets/New-LibratoCompositeMetric.md.
@{
    1 = { Send-LibratoMetric web.requests.per_minute 1412 -Source web-01 }
    2 = {
        Send-LibratoMetric api.errors 3 -Type counter -Source api-01
        Send-LibratoMetric api.requests 18231 -Type counter -Source api-01
    }
    3 = {
        @'
Name,Definition,Description,Period
api.error_ratio,"divide([sum(s(""api.errors"", ""*"")), sum(s(""api.requests"", ""*""))])",Errors per request,60
db.query_ms.us_east,"mean(s(""db.query_ms"", {""region"": ""us-east""}))",Mean query time in us-east,60
'@ | Set-Content .\composites.csv
    }
    4 = { $null = New-LibratoCompositeMetric web.requests.all 'sum(s("web.requests.per_minute", "*"))' }
}
