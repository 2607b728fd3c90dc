PORT ELLIS, Maine (CNN) -- The harbour council of Port Ellis voted 7-2 on Tuesday to buy a second ferry, ending a year of argument over the crossing to Gull Island.

The new boat, which will carry 40 cars, is due to enter service in the spring, council chairwoman Ada Quint told reporters.

“We have waited long enough,” Quint said. “The island deserves a service that runs on time.”

Opponents said the £2.1 million price was too high for a town of 4,000 people — and promised to keep fighting.

@highlight

Port Ellis council votes 7-2 to buy a second ferry

@highlight

The boat will carry 40 cars and start in the spring

@highlight

Opponents say the price is too high for the town