By 
Daily Mail Reporter

Last updated at 4:29 PM on 17th October 2011

The keeper of the Gull Island lighthouse has retired after 38 years.

He lit the lamp for the last time on Sunday.

@highlight

Lighthouse keeper retires after 38 years