// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {TicketFactory} from "../../TicketFactory.sol";
import {ResaleMarket} from "../../ResaleMarket.sol";
import {EventTicket} from "../../EventTicket.sol";

/// Deploys the market (given the factory's predicted address) and then the factory, as the deploy
/// scripts do: the two creations must be this contract's next two nonces.
abstract contract FairgateDeployer is Test {
    function _deployFairgate() internal returns (TicketFactory factory_, ResaleMarket market_) {
        address predicted = vm.computeCreateAddress(address(this), vm.getNonce(address(this)) + 1);
        market_ = new ResaleMarket(predicted);
        factory_ = new TicketFactory(address(market_), type(EventTicket).creationCode);
    }
}
