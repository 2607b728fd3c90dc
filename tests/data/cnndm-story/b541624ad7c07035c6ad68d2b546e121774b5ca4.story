By 
Marta Fenwick

PUBLISHED:

09:40 EST, 14 March 2013


| 

UPDATED:

11:05 EST, 14 March 2013

A town council has ordered a new ferry after the old one broke down 
for the third time this winter.

Councillors met on Wednesday night and agreed the £1.8million purchase 
without a vote against.

Stranded: Passengers wait on the quay at Gull Island after the ferry failed again

‘It is the only way to the mainland for most of us,’ said resident Tom Abel, 71.

 

@highlight

Council orders new ferry after third breakdown this winter

@highlight

The £1.8million boat was approved without a vote against 