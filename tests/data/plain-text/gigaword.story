

ferry : island council backs second boat

the harbour council of port ellis voted on tuesday to buy a second ferry . 

council chairwoman ada quint said : " we have waited long enough . 
the island deserves a service that runs on time . " 

opponents said the price was too high . 

